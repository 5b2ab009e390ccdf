package grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever javac does with a submission, the answer is a compilation a student can read. */
class CompilerLimitsTest {
    /** javac's stack on a thread of its own when nobody asks for more: the JVM's default of 1 MB on x64. */
    private static final long DEFAULT_THREAD_STACK = 1L << 20;
    /** Deep enough to overflow a default stack (javac recurses in its parser and attribution per level). */
    private static final int NESTING = 6000;

    @TempDir
    Path scratch;

    static String deeplyNested(int levels) {
        return StaticCheckTest.model("int deep() { return " + "(".repeat(levels) + "1" + ")".repeat(levels) + "; }", "");
    }

    private Compilation compile(SourceCompiler.Limits limits, String source) throws Exception {
        return new SourceCompiler(scratch, limits).compile(Map.of("Model.java", source), "Model.java",
                scratch.resolve("classes"), true);
    }

    @Test
    void deeplyNestedCodeCompilesOnTheCompilersBigStack() throws Exception {
        Compilation compilation = compile(SourceCompiler.Limits.DEFAULT, deeplyNested(NESTING));
        assertEquals(List.of(), compilation.messages());
        assertTrue(compilation.compiled());
    }

    @Test
    void aCompilerThatRunsOutOfStackGivesACompileErrorThatSaysWhy() throws Exception {
        Compilation compilation = compile(new SourceCompiler.Limits(DEFAULT_THREAD_STACK, Duration.ofMinutes(1)),
                deeplyNested(NESTING));
        assertEquals(Compilation.Result.ERRORS, compilation.result());
        assertEquals(List.of("Model.java: the Java compiler itself failed on this file (StackOverflowError), so it could "
                + "not be compiled. It ran out of stack space: this happens with code nested thousands of levels deep, "
                + "such as a very long chain of + or of nested parentheses or calls. Split it into smaller methods, "
                + "or use a loop."), compilation.messages());
    }

    @Test
    void aCompileOverTheTimeLimitGivesACompileErrorThatSaysWhy() throws Exception {
        Compilation compilation = compile(new SourceCompiler.Limits(SourceCompiler.Limits.DEFAULT.stackBytes(),
                Duration.ofMillis(1)), deeplyNested(NESTING));
        assertEquals(Compilation.Result.ERRORS, compilation.result());
        assertEquals(List.of("Model.java: the Java compiler did not finish within 1 ms, so the file could not be "
                + "compiled. This happens with huge or deeply nested expressions, or nested generic calls and lambdas "
                + "whose types the compiler must work out; split them up, or give the types of intermediate results "
                + "explicitly."), compilation.messages());
    }

    @Test
    void theCompilerStillWorksAfterACrash() throws Exception {
        SourceCompiler compiler = new SourceCompiler(scratch,
                new SourceCompiler.Limits(DEFAULT_THREAD_STACK, Duration.ofMinutes(1)));
        compiler.compile(Map.of("Model.java", deeplyNested(NESTING)), "Model.java", scratch.resolve("a"), true);
        Compilation next = compiler.compile(Map.of("Model.java", StaticCheckTest.model("int x() { return 1; }", "")),
                "Model.java", scratch.resolve("b"), true);
        assertEquals(List.of(), next.messages());
    }

    @Test
    void otherFailuresOfTheCompilerAreNotBlamedOnTheStudent() {
        assertEquals("Model.java: the Java compiler itself failed on this file (NullPointerException), so it could not "
                + "be compiled. This is most likely a bug in the compiler, not in your code: ask your instructor to look "
                + "at your Model.java.", CompilerThread.crashed("Model.java", new NullPointerException("x")));
        assertEquals("Model.java: the Java compiler itself failed on this file (OutOfMemoryError), so it could not be "
                + "compiled. It ran out of memory: is the file generated? Put large data in loops or arrays built at "
                + "run time, not in huge expressions.", CompilerThread.crashed("Model.java", new OutOfMemoryError()));
    }

    @Test
    void submissionsAreCompiledForJava17OnEveryJdk() throws Exception {
        Compilation compilation = compile(SourceCompiler.Limits.DEFAULT,
                StaticCheckTest.model("String first(List<String> names) { return names.getFirst(); }", ""));
        assertEquals(Compilation.Result.ERRORS, compilation.result(),
                "List.getFirst() is Java 21: with --release 17 it must not compile on a newer JDK either");
        assertTrue(compilation.messages().get(0).startsWith("Model.java:9: error: cannot find symbol"),
                () -> String.join("\n", compilation.messages()));
    }
}
