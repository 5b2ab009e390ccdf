package grader.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether any thread of some processes wants a processor right now, from Linux's /proc: state R is a thread
 * that runs or waits in the run queue for a core. A child that computes on a machine so busy that it gets
 * little processor time has a thread in state R; one that waits (wait(), a lock, sleep) has none.
 */
final class ThreadStates {
    private ThreadStates() {}

    /** @return empty where /proc does not tell (not Linux, or the processes are gone) */
    static Optional<Boolean> anyRunnable(List<ProcessHandle> processes) {
        try {
            for (ProcessHandle process : processes) {
                try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
                    for (Path thread : threads.toList()) {
                        if (runnable(Files.readString(thread.resolve("stat")))) {
                            return Optional.of(true);
                        }
                    }
                }
            }
            return Optional.of(false);
        } catch (IOException | RuntimeException unknown) {
            return Optional.empty();
        }
    }

    static boolean runnable(String stat) {
        String[] fields = fieldsAfterName(stat);
        return fields.length > 0 && fields[0].equals("R");
    }

    /**
     * The fields of a /proc stat line after the parenthesised command name, which may itself hold spaces and
     * ')': the state first (field 3 of proc(5)), utime at index 11, stime at 12; none for a garbled line.
     */
    static String[] fieldsAfterName(String stat) {
        int afterName = stat.lastIndexOf(')');
        return afterName < 0 || stat.length() <= afterName + 2 ? new String[0]
                : stat.substring(afterName + 2).split(" ");
    }
}
