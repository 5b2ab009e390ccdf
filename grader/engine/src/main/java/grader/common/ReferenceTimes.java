package grader.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How long the reference solution needs for each hidden test, as the parent grader clocks it: from the end of
 * the previous test (or this test's start, if it is a child JVM's first) to this test's end, in a child JVM
 * started exactly as for grading. Measured with {@code selfcheck --measure-times FILE} and bundled as
 * {@value #RESOURCE}; the time limits follow from it by {@link TimeLimitRule}.
 *
 * @param byTest test id ({@code ClassSimpleName#method}) to time
 */
public record ReferenceTimes(Map<String, Duration> byTest) {
    /** Class-path resource of the bundled times, one {@code id=milliseconds} line per test. */
    public static final String RESOURCE = "grader/reference-times.properties";

    public ReferenceTimes {
        byTest = Map.copyOf(byTest);
    }

    /** The times bundled with the hidden tests, if this class path has them (the engine's own tests do not). */
    public static Optional<ReferenceTimes> bundled() {
        try (InputStream in = ReferenceTimes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads {@code id=milliseconds} lines; blank lines and {@code #} comments are skipped. */
    public static ReferenceTimes parse(String text) {
        Map<String, Duration> times = new TreeMap<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.lastIndexOf('=');
            if (equals < 0 || !trimmed.substring(equals + 1).strip().matches("[0-9]+")) {
                throw new IllegalArgumentException(RESOURCE + ": expected 'ClassName#method=milliseconds', got '"
                        + trimmed + "'");
            }
            times.put(trimmed.substring(0, equals).strip(),
                    Duration.ofMillis(Long.parseLong(trimmed.substring(equals + 1).strip())));
        }
        return new ReferenceTimes(times);
    }

    /** The file's text: the comment lines, then one line per test in id order, so that it diffs well. */
    public String format(String... comments) {
        StringBuilder text = new StringBuilder();
        for (String comment : comments) {
            text.append("# ").append(comment).append('\n');
        }
        new TreeMap<>(byTest).forEach((id, time) -> text.append(id).append('=').append(time.toMillis()).append('\n'));
        return text.toString();
    }
}
