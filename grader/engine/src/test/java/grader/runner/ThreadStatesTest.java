package grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadStatesTest {
    @Test
    void theStateIsReadAfterACommandNameThatHoldsSpacesAndParentheses() {
        assertTrue(ThreadStates.runnable("4242 (C2 Compiler) (x) R 1 4242 4242 0 -1"), "state R after the name");
        assertFalse(ThreadStates.runnable("4242 (main) S 1 4242 4242 0 -1"), "state S is a sleeping thread");
        assertFalse(ThreadStates.runnable("4242 (R) S 1"), "an R inside the name is not the state");
        assertFalse(ThreadStates.runnable("garbled"), "a line without a name is not runnable");
    }

    @Test
    void aProcessThatComputesWantsAProcessorAndOneThatSleepsDoesNot() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc tells thread states");
        // This very thread runs while it reads its own state.
        assertEquals(Optional.of(true), ThreadStates.anyRunnable(List.of(ProcessHandle.current())));
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            TimeUnit.MILLISECONDS.sleep(200);
            assertEquals(Optional.of(false), ThreadStates.anyRunnable(List.of(sleeper.toHandle())),
                    "sleep(1) waits in the kernel: no thread of it wants a processor");
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aProcessThatIsGoneCannotBeTold() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertEquals(Optional.empty(), ThreadStates.anyRunnable(List.of(gone.toHandle())));
    }
}
