package grader.compile;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one compilation on a fresh thread with a large stack and waits at most the time limit. javac
 * recurses once per nesting level of the source (parentheses, a chain of {@code +}, nested calls), so
 * code a few thousand levels deep overflows a default 1 MB thread stack; whatever javac throws, or a
 * compile that does not end, comes back as a {@link Compilation} the student can read, never as an
 * exception that would take the grader down.
 */
final class CompilerThread {
    private CompilerThread() {}

    /**
     * @param limits      stack size and time limit of the compiling thread
     * @param studentFile the file named in the messages
     * @param compilation the work; runs on the new thread
     * @param onAbandoned called when the thread is left behind (timed out) or javac failed, so that the
     *                    caller stops sharing state with it
     */
    static Compilation run(SourceCompiler.Limits limits, String studentFile, Callable<Compilation> compilation,
                           Runnable onAbandoned) throws IOException, InterruptedException {
        CompletableFuture<Compilation> result = new CompletableFuture<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.complete(compilation.call());
            } catch (Throwable thrown) {
                result.completeExceptionally(thrown);
            }
        }, "javac", limits.stackBytes());
        // A compile that never ends must not keep the grader's JVM alive after the JSON is written.
        thread.setDaemon(true);
        thread.start();
        try {
            return result.get(limits.timeLimit().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Java can no longer stop a thread; interrupting is a request javac may ignore.
            thread.interrupt();
            onAbandoned.run();
            return failed(timedOut(studentFile, limits.timeLimit()));
        } catch (ExecutionException e) {
            onAbandoned.run();
            if (e.getCause() instanceof IOException grader) {
                // Writing class files or the file manager failed: the grader's problem, not the student's.
                throw grader;
            }
            return failed(crashed(studentFile, rootCause(e.getCause())));
        } catch (InterruptedException e) {
            thread.interrupt();
            onAbandoned.run();
            throw e;
        }
    }

    private static Compilation failed(String message) {
        return new Compilation(Compilation.Result.ERRORS, java.util.List.of(message));
    }

    /** javac wraps what it throws (an IllegalStateException around a StackOverflowError, say). */
    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        for (int depth = 0; cause.getCause() != null && cause.getCause() != cause && depth < 20; depth++) {
            cause = cause.getCause();
        }
        return cause instanceof Error ? cause : thrown;
    }

    static String crashed(String studentFile, Throwable thrown) {
        String prefix = studentFile + ": the Java compiler itself failed on this file ("
                + thrown.getClass().getSimpleName() + "), so it could not be compiled. ";
        if (thrown instanceof StackOverflowError) {
            return prefix + "It ran out of stack space: this happens with code nested thousands of levels deep, "
                    + "such as a very long chain of + or of nested parentheses or calls. Split it into smaller "
                    + "methods, or use a loop.";
        }
        if (thrown instanceof OutOfMemoryError) {
            return prefix + "It ran out of memory: is the file generated? Put large data in loops or arrays built "
                    + "at run time, not in huge expressions.";
        }
        return prefix + "This is most likely a bug in the compiler, not in your code: ask your instructor to "
                + "look at your " + studentFile + ".";
    }

    static String timedOut(String studentFile, Duration limit) {
        String within = limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
        return studentFile + ": the Java compiler did not finish within " + within + ", so the file "
                + "could not be compiled. This happens with huge or deeply nested expressions, or nested generic "
                + "calls and lambdas whose types the compiler must work out; split them up, or give the types "
                + "of intermediate results explicitly.";
    }
}
