package kit.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kit.stubs.StudentTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The students' self-checks pass against the solution and fail, every one with "Exercise N is not
 * implemented yet" for its own exercise, against the generated stubs.
 */
class SelfChecksAgainstStubsAndSolutionTest {
    static final Set<String> EXERCISES = Set.of("Exercise2", "Exercise3", "Exercise4");

    static Path root() {
        return Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    }

    /** The solution's batchnorm sources, file name to content. */
    static Map<String, String> solutionSources() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(root().resolve("solution/src/main/java/batchnorm"))) {
            for (Path file : files.toList()) {
                sources.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return sources;
    }

    /** The stubs as the generator makes them (the drift check ties these to the committed student/). */
    static Map<String, String> stubSources() {
        String prefix = "student/src/main/java/batchnorm/";
        return new StudentTree(root()).expected().entrySet().stream()
                .filter(file -> file.getKey().startsWith(prefix))
                .collect(Collectors.toMap(file -> file.getKey().substring(prefix.length()), Map.Entry::getValue,
                        (a, b) -> a, TreeMap::new));
    }

    @Test
    void everySelfCheckFailsAgainstTheStubsSayingItsExerciseIsNotImplemented(@TempDir Path work) throws IOException {
        List<SelfCheckRun.Outcome> outcomes = SelfCheckRun.against(stubSources(), work);
        assertEquals(EXERCISES, outcomes.stream().map(SelfCheckRun.Outcome::exercise).collect(Collectors.toSet()),
                "every exercise has self-checks: " + outcomes);
        for (SelfCheckRun.Outcome outcome : outcomes) {
            String name = outcome.exercise() + "." + outcome.check();
            assertTrue(!outcome.passed(), name + " passed against the stubs");
            assertInstanceOf(AssertionError.class, outcome.failure(),
                    name + " must fail with a message, not a bare exception");
            String number = outcome.exercise().substring("Exercise".length());
            assertTrue(outcome.failure().getMessage().startsWith("Exercise " + number + " is not implemented yet"),
                    name + " failed with: " + outcome.failure().getMessage());
        }
    }

    @Test
    void everySelfCheckPassesAgainstTheSolution(@TempDir Path work) throws IOException {
        List<SelfCheckRun.Outcome> outcomes = SelfCheckRun.against(solutionSources(), work);
        assertEquals(9, outcomes.size(), "the nine self-checks of exercises.md: " + outcomes);
        for (SelfCheckRun.Outcome outcome : outcomes) {
            assertTrue(outcome.passed(), outcome.exercise() + "." + outcome.check() + " failed: " + outcome.failure());
        }
    }
}
