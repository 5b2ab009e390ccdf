package grader.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kit's own sources: the given files compiled with every submission (so a student cannot change the
 * API or the training loop the tests use), the reference Model for selfcheck, and the student's stub.
 * The grader jar bundles them at build time (grader/exercise/pom.xml); the engine's tests read them from
 * the checkout.
 *
 * @param given         file name to source, e.g. {@code Layer.java}; compiled next to the student's Model
 * @param solutionModel the reference {@code Model.java}
 * @param studentStub   the {@code Model.java} students start from, absent before the student module exists
 */
public record KitSources(Map<String, String> given, String solutionModel, Optional<String> studentStub) {
    private static final String ROOT = "/grader/kit/";
    /**
     * The given files a submission is compiled with: the API the hidden tests call and the training loop
     * students run ({@code Training}, {@code MiniBatches}), so the tests train exactly as the demo does.
     * The demo's command line and charts ({@code Train}, {@code Charts}: XChart) are never run by the tests.
     */
    public static final List<String> GIVEN_FILES = List.of("Layer.java", "BatchNorm.java", "Training.java",
            "MiniBatches.java");

    public KitSources {
        given = Map.copyOf(given);
    }

    /** The copies bundled in this jar (or in target/classes when run from the build). */
    public static KitSources bundled() {
        Map<String, String> given = new LinkedHashMap<>();
        for (String file : GIVEN_FILES) {
            given.put(file, resource("given/" + file).orElseThrow(() -> missing("given/" + file)));
        }
        String solution = resource("solution/Model.java").orElseThrow(() -> missing("solution/Model.java"));
        return new KitSources(given, solution, resource("student/Model.java"));
    }

    /** The same files read from a checkout of the kit, e.g. in the engine's own tests. */
    public static KitSources fromCheckout(Path kitRoot) {
        Path solution = kitRoot.resolve("solution/src/main/java/batchnorm");
        Map<String, String> given = new LinkedHashMap<>();
        for (String file : GIVEN_FILES) {
            given.put(file, read(solution.resolve(file)));
        }
        Path stub = kitRoot.resolve("student/src/main/java/batchnorm/Model.java");
        return new KitSources(given, read(solution.resolve("Model.java")),
                Files.isRegularFile(stub) ? Optional.of(read(stub)) : Optional.empty());
    }

    private static IllegalStateException missing(String path) {
        return new IllegalStateException("the grader was built without the kit's " + path + " (" + ROOT + path
                + "): build it from a complete checkout with mvn -B -ntp -pl grader -am package");
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = KitSources.class.getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + path, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kit's " + file, e);
        }
    }
}
