package kit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@code exercises.md#anchor} that a stub or a self-check points students to leads to a heading. */
class ExercisesAnchorsTest {
    private static final Pattern LINK = Pattern.compile("exercises\\.md#([a-z0-9-]+)");

    static Path root() {
        return Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces turned into hyphens. */
    static String anchorOf(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    @Test
    void anchorsFollowGitHubsRule() {
        assertEquals("exercise-3-running-averages-and-the-train-flag", anchorOf("Exercise 3: Running averages and the train flag"));
    }

    @Test
    void everyLinkIntoExercisesMdNamesAHeading() throws IOException {
        Set<String> anchors = Files.readAllLines(root().resolve("exercises.md")).stream()
                .filter(line -> line.startsWith("#"))
                .map(line -> anchorOf(line.replaceFirst("^#+\\s*", "")))
                .collect(Collectors.toSet());
        Set<String> links = new TreeSet<>();
        for (String folder : new String[] {"solution/src/main/java", "student/src/main/java", "student/src/test/java"}) {
            try (Stream<Path> files = Files.walk(root().resolve(folder))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher link = LINK.matcher(Files.readString(file));
                    while (link.find()) {
                        links.add(link.group(1));
                    }
                }
            }
        }
        assertTrue(links.size() >= 3, "the stubs and self-checks should point to the sections of the exercises: " + links);
        for (String link : links) {
            assertTrue(anchors.contains(link), "exercises.md has no heading for #" + link + "; its anchors are " + anchors);
        }
    }

    @Test
    void everyWrittenQuestionBelongsToAnExerciseOfExercisesMd() throws IOException {
        Pattern exercise = Pattern.compile("^## Exercise (\\d+):");
        Set<String> exercises = numbers(exercise, root().resolve("exercises.md"));
        Set<String> answered = numbers(exercise, root().resolve("solution/ANSWERS.md"));
        assertTrue(answered.size() >= 5, "solution/ANSWERS.md should have a section per exercise: " + answered);
        assertTrue(exercises.containsAll(answered), "solution/ANSWERS.md has questions for exercises " + answered
                + ", but exercises.md only has " + exercises);
    }

    private static Set<String> numbers(Pattern heading, Path file) throws IOException {
        Set<String> numbers = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            Matcher match = heading.matcher(line);
            if (match.find()) {
                numbers.add(match.group(1));
            }
        }
        return numbers;
    }
}
