package grader.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kit's own sources, bundled in the grader jar at build time: the given files compiled with every
 * submission (so a student cannot change the API the tests use), the reference Model for selfcheck, and
 * the student's stub.
 *
 * @param given         file name to source, e.g. {@code Layer.java}; compiled next to the student's Model
 * @param solutionModel the reference {@code Model.java}
 * @param studentStub   the {@code Model.java} students start from, absent before the student module exists
 */
public record KitSources(Map<String, String> given, String solutionModel, Optional<String> studentStub) {
    private static final String ROOT = "/grader/kit/";
    /**
     * The given files Model.java needs. The training demo (Train and its helpers) is given too, but the
     * hidden tests never run it and its charts need XChart, so it is not compiled with submissions.
     */
    public static final List<String> GIVEN_FILES = List.of("Layer.java", "BatchNorm.java");

    public KitSources {
        given = Map.copyOf(given);
    }

    /** The copies bundled in this jar (or in target/classes when run from the build). */
    public static KitSources bundled() {
        Map<String, String> given = new LinkedHashMap<>();
        for (String file : GIVEN_FILES) {
            resource("given/" + file).ifPresent(text -> given.put(file, text));
        }
        String solution = resource("solution/Model.java").orElseThrow(() -> new IllegalStateException(
                "the grader was built without the solution's Model.java (" + ROOT + "solution/Model.java)"));
        return new KitSources(given, solution, resource("student/Model.java"));
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = KitSources.class.getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + path, e);
        }
    }
}
