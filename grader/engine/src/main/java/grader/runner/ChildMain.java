package grader.runner;

import grader.common.Trace;
import grader.harness.SubmissionClassLoader;
import grader.harness.TestLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.junit.platform.launcher.Launcher;

/**
 * The child JVM: runs the hidden tests against one compiled submission and reports each result to the
 * parent over a Unix-domain socket (a file the sandbox binds in), never over stdout (which belongs to the student's printouts).
 *
 * <p>It connects and authenticates before any student code is loaded; the socket then lives only in
 * private fields the student's code cannot reach without reflection, which the static check forbids.
 */
public final class ChildMain {
    static final String WARM_UP_PROPERTY = "grader.warmUp";

    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        // A child must never outlive its parent: an endless loop would otherwise run on after a killed grader.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(5)));
        Trace.mark("child: main");
        // Start-up work that needs no request, done while the parent compiles the submission.
        Launcher launcher = TestLauncher.create();
        StuckTestWatch watch = StuckTestWatch.start();
        Trace.mark("child: JUnit launcher created");
        if (warmUpPays()) {
            warmUp(launcher, watch);
            Trace.mark("child: warm-up run done");
        }
        RunRequest request = RunRequest.readFrom(System.in);
        Trace.mark("child: request read");
        System.setIn(InputStream.nullInputStream());
        try (SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(request.channel()))) {
            ResultChannel channel = new ResultChannel(Channels.newOutputStream(socket), request.secret());
            channel.send(Wire.Message.of(Wire.Event.HELLO));
            ClassLoader loader = SubmissionClassLoader.forHiddenTests(request.submissionClasses(),
                    request.hiddenPackage(), ChildMain.class.getClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            launcher.execute(TestLauncher.request(loader, request.selectors()),
                    new ChildListener(channel, watch, request.selectors()));
            Trace.mark("child: tests done");
            traceJitAndGc();
            channel.send(Wire.Message.of(Wire.Event.DONE));
        }
        // halt, not exit: nothing the student's code registered (hooks, stray threads) runs after the tests.
        Runtime.getRuntime().halt(0);
    }

    /**
     * The graded run's path with {@link WarmUpTest} in place of the hidden tests: method selectors through
     * {@link TestLauncher#request}, the listener, the wire format (into a channel that discards it), and a
     * Unix-domain socket. What it loads, links and binds here is in the archive that the batch's children map
     * (ChildStartup, in grader-app, makes it from this run), so they skip that work.
     */
    private static void warmUp(Launcher launcher, StuckTestWatch watch) throws IOException, ClassNotFoundException {
        List<String> selectors = WarmUpTest.SELECTORS;
        ResultChannel discarded = new ResultChannel(OutputStream.nullOutputStream(), "warm-up");
        launcher.execute(TestLauncher.request(ChildMain.class.getClassLoader(), selectors),
                new ChildListener(discarded, watch, selectors));
        SocketChannel.open(StandardProtocolFamily.UNIX).close();
    }

    /**
     * The warm-up run loads JUnit's execution path and compiles the autodiff kernels while the parent is still
     * compiling the submission, or while a spare waits for its turn ({@link TestRun}). {@code -Dgrader.warmUp=false}
     * turns it off, in GradeAllBenchmark, which measures both.
     */
    private static boolean warmUpPays() {
        return !"false".equals(System.getProperty(WARM_UP_PROPERTY));
    }

    /**
     * With tracing on, the processor time of the child's JIT compiler threads and of its VM thread (where the
     * serial collector runs), from Linux's per-thread accounting, for GradeAllBenchmark's breakdown.
     */
    private static void traceJitAndGc() {
        if (!Trace.on()) {
            return;
        }
        long jitTicks = 0;
        long vmTicks = 0;
        try (java.util.stream.Stream<java.nio.file.Path> threads = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path thread : threads.toList()) {
                String name = java.nio.file.Files.readString(thread.resolve("comm")).strip();
                String stat = java.nio.file.Files.readString(thread.resolve("stat"));
                String[] fields = ThreadStates.fieldsAfterName(stat);
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jitTicks += ticks;
                } else if (name.equals("VM Thread") || name.startsWith("GC Thread")) {
                    vmTicks += ticks;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return;
        }
        // Linux counts in clock ticks of 10 ms (USER_HZ 100).
        Trace.mark("child: JIT " + jitTicks * 10 + " ms, GC " + vmTicks * 10 + " ms");
    }

    /** Sends messages to the parent, one whole line at a time. */
    static final class ResultChannel {
        private final OutputStream out;
        private final String secret;

        ResultChannel(OutputStream out, String secret) {
            this.out = out;
            this.secret = secret;
        }

        synchronized void send(Wire.Message message) {
            try {
                out.write(Wire.encode(secret, message).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // The parent has gone (it killed us, or died): nothing is left to report to.
                Runtime.getRuntime().halt(4);
            }
        }
    }
}
