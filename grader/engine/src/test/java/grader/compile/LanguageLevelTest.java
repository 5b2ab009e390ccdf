package grader.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grader compiles for Java 17 on every JDK, and on JDK 17 itself without reading ct.sym. */
class LanguageLevelTest {
    /**
     * Java 17 code whose class files javac builds in ways of its own: sealed types, records, a switch on strings, a
     * pattern instanceof, a text block, a lambda and string concatenation.
     */
    private static final String SOURCE = StaticCheckTest.model("""
            sealed interface Shape permits Square, Circle {}
            record Square(double side) implements Shape {}
            record Circle(double radius) implements Shape {}

            static double area(Shape shape, String unit) {
                double scale = switch (unit) {
                    case "mm" -> 1e-6;
                    case "cm" -> 1e-4;
                    default -> 1;
                };
                return scale * (shape instanceof Square s ? s.side() * s.side()
                        : Math.PI * ((Circle) shape).radius() * ((Circle) shape).radius());
            }

            String describe(Object o) {
                if (o instanceof Matrix m && m.rows() > 0) {
                    return "matrix " + m.shape() + " of " + m.size();
                }
                String text = \"""
                        not a matrix\""";
                return text + ": " + o;
            }

            double total(List<Node> nodes) {
                Function<Node, Double> firstEntry = n -> n.value().get(0, 0);
                return nodes.stream().map(firstEntry).mapToDouble(Double::doubleValue).sum();
            }
            """, "");

    @Test
    void onJdk17ItSetsSourceAndTargetAndOnNewerJdksItUsesRelease() {
        assertEquals(List.of("-source", "17", "-target", "17"), SourceCompiler.languageLevel(17));
        assertEquals(List.of("--release", "17"), SourceCompiler.languageLevel(21));
        assertEquals(List.of("--release", "17"), SourceCompiler.languageLevel(25));
    }

    /** On JDK 17 the two ways differ and must agree; on a newer JDK the grader passes --release itself. */
    @Test
    void theClassesAreByteForByteThoseOfReleaseSeventeen(@TempDir Path scratch) throws IOException {
        Compilation compilation = new SourceCompiler(scratch).compile(Map.of("Model.java", SOURCE), "Model.java",
                scratch.resolve("graded"), true);
        assertEquals(List.of(), compilation.messages());
        assertTrue(compilation.compiled());

        Path source = Files.createDirectories(scratch.resolve("src/batchnorm")).resolve("Model.java");
        Files.writeString(source, SOURCE);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("--release", "17"));
        arguments.addAll(SourceCompiler.OTHER_OPTIONS);
        arguments.addAll(List.of("-cp", scratch.resolve("autodiff-classes").toString(),
                "-d", scratch.resolve("release").toString(), source.toString()));
        int exit = ToolProvider.getSystemJavaCompiler().run(null, messages, messages, arguments.toArray(String[]::new));
        assertEquals(0, exit, messages::toString);

        Map<String, byte[]> graded = classFiles(scratch.resolve("graded"));
        Map<String, byte[]> release = classFiles(scratch.resolve("release"));
        assertEquals(List.of("batchnorm/Model$Circle.class", "batchnorm/Model$Shape.class",
                "batchnorm/Model$Square.class", "batchnorm/Model.class"), List.copyOf(graded.keySet()));
        assertEquals(release.keySet(), graded.keySet());
        for (String name : release.keySet()) {
            assertArrayEquals(release.get(name), graded.get(name), name + " differs from javac --release 17's");
        }
    }

    private static Map<String, byte[]> classFiles(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
