package grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The static check is about dangerous JDK APIs, not about Java's syntax: every kind of class a student
 * can declare passes, and a refusal names a real type.
 */
class StaticCheckTest {
    @TempDir
    static Path scratch;
    private static SourceCompiler compiler;
    private static int compiled;

    @BeforeAll
    static void startCompiler() throws Exception {
        compiler = new SourceCompiler(scratch);
    }

    /** A Model.java with {@code members} inside its class and {@code after} as further top-level declarations. */
    static String model(String members, String after) {
        return """
                package batchnorm;

                import autodiff.Matrix;
                import autodiff.Node;
                import java.util.*;
                import java.util.function.*;

                public final class Model {
                %s
                }
                %s
                """.formatted(members, after);
    }

    static Compilation compile(String source) throws Exception {
        return compiler.compile(Map.of("Model.java", source), "Model.java", scratch.resolve("out-" + compiled++), true);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            an anonymous class      | Supplier<Node> norm() { return new Supplier<Node>() { public Node get() { return new Node(Matrix.ones(1, 1)); } }; }
            an anonymous subclass   | Object twin() { return new ArrayList<String>() { { add("x"); } }; }
            a local class           | int local() { class Counter { int n; void up() { n++; } } Counter c = new Counter(); c.up(); return c.n; }
            a local record          | double local() { record Pair(double a, double b) { double sum() { return a + b; } } return new Pair(1, 2).sum(); }
            a local enum            | int local() { enum Mode { TRAIN, EVAL } return Mode.valueOf("EVAL").ordinal() + Mode.values().length; }
            a local interface       | int local() { interface Op { int apply(int x); } Op twice = x -> 2 * x; return twice.apply(2); }
            a static nested class   | static final class Stats { final double mean; Stats(double m) { mean = m; } } double m() { return new Stats(1).mean; }
            an inner class          | final class Inner { int x = seed; } int seed; int inner() { return new Inner().x; }
            a nested record         | record Moments(Matrix mean, Matrix variance) { } Moments m() { return new Moments(Matrix.zeros(1, 1), Matrix.ones(1, 1)); }
            a nested enum           | enum Phase { TRAIN, EVAL; boolean training() { return this == TRAIN; } } boolean t() { return Phase.TRAIN.training(); }
            a nested interface      | interface Scale { Matrix by(Matrix m); } Scale identity() { return m -> m; }
            a generic method        | static <T extends Comparable<T>> T largest(List<T> items) { T best = items.get(0); for (T t : items) { if (t.compareTo(best) > 0) { best = t; } } return best; }
            a generic class         | static final class Box<T> { private final T item; Box(T item) { this.item = item; } T get() { return item; } } String box() { return new Box<>("x").get(); }
            arrays                  | double arrays() { double[] a = {1, 2}; double[] b = a.clone(); return a.length + b[0]; }
            a switch on an enum     | enum Kind { A, B } int k(Kind kind) { switch (kind) { case A: return 1; default: return 2; } }
            a method reference      | List<String> names() { List<String> n = new ArrayList<>(); n.add("a"); n.replaceAll(String::toUpperCase); return n; }
            Math and StrictMath     | double root(double v) { return StrictMath.sqrt(v) + Math.max(v, 0); }
            printing                | void show(Matrix m) { System.out.println(m.shape()); System.out.printf("%d%n", 1); System.err.println(String.format("%.3f", 1.0)); }
            java.util.regex and random | boolean r() { return java.util.regex.Pattern.matches("bn[0-9]", "bn1") && java.util.random.RandomGenerator.getDefault() != null; }
            """)
    void ordinaryJavaPassesTheStaticCheck(String what, String members) throws Exception {
        Compilation compilation = compile(model(members, ""));
        assertEquals(List.of(), compilation.messages(), what);
        assertEquals(Compilation.Result.COMPILED, compilation.result(), what);
    }

    @Test
    void extraTopLevelClassesRecordsEnumsAndInterfacesPass() throws Exception {
        Compilation compilation = compile(model("int all() { return new Helper().twice(Level.LOW.ordinal()) + new Point(1, 2).x(); }",
                """
                final class Helper implements Doubler { public int twice(int x) { return 2 * x; } }
                interface Doubler { int twice(int x); }
                record Point(int x, int y) { Point { if (x > y) { throw new IllegalArgumentException("x > y"); } } }
                enum Level { LOW, HIGH }
                abstract class Base<T> { abstract T make(); }
                """));
        assertEquals(List.of(), compilation.messages());
    }

    @Test
    void aForbiddenCallInsideAnAnonymousClassNamesTheRealType() throws Exception {
        Compilation compilation = compile(model(
                "Runnable r() { return new Runnable() { public void run() { System.exit(1); } }; }", ""));
        assertEquals(List.of("Model.java:9: System.exit: " + ForbiddenApi.EXIT.reason()), compilation.messages());
    }

    @Test
    void anAnonymousSubclassOfAForbiddenConstructorIsRefusedUnderTheBaseName() throws Exception {
        Compilation compilation = compile(model(
                "Object p() throws Exception { return new java.io.PrintStream(\"x\") { }; }", ""));
        assertEquals(List.of("Model.java:9: java.io.PrintStream.<init>: " + ForbiddenApi.FILES_AND_NETWORK.reason()),
                compilation.messages());
    }

    @Test
    void anAnonymousThreadIsRefusedAsAThread() throws Exception {
        Compilation compilation = compile(model("void t() { new Thread() { public void run() { } }.start(); }", ""));
        assertEquals(List.of("Model.java:9: Thread.start: " + ForbiddenApi.THREADS.reason(),
                "Model.java:9: Thread.<init>: " + ForbiddenApi.THREADS.reason(),
                "Model.java:9: Thread: " + ForbiddenApi.THREADS.reason()), compilation.messages());
    }

    @Test
    void aLocalClassExtendingAForbiddenTypeIsRefused() throws Exception {
        Compilation compilation = compile(model(
                "void t() { class Worker extends Thread { } new Worker().start(); }", ""));
        assertEquals(List.of("Model.java:9: Thread: " + ForbiddenApi.THREADS.reason(),
                "Model.java:9: Thread.start: " + ForbiddenApi.THREADS.reason()), compilation.messages());
    }
}
