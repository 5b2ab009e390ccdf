package grader.runner;

import grader.common.Trace;
import grader.harness.SubmissionClassLoader;
import grader.harness.TestLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The child JVM: runs the hidden tests against one compiled submission and reports each result to the
 * parent over a loopback socket, never over stdout (which belongs to the student's printouts).
 *
 * <p>It connects and authenticates before any student code is loaded; the socket then lives only in
 * private fields the student's code cannot reach without reflection, which the static check forbids.
 */
public final class ChildMain {
    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        // A child must never outlive its parent: an endless loop would otherwise run on after a killed grader.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(5)));
        Trace.mark("child: main");
        // Start-up work that needs no request, done while the parent compiles the submission.
        Launcher launcher = LauncherFactory.create();
        Trace.mark("child: JUnit launcher created");
        if (warmUpPays()) {
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(WarmUpTest.class)).build());
            Trace.mark("child: warm-up run done");
        }
        RunRequest request = RunRequest.readFrom(System.in);
        Trace.mark("child: request read");
        System.setIn(InputStream.nullInputStream());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), request.port())) {
            socket.setTcpNoDelay(true);
            ResultChannel channel = new ResultChannel(socket.getOutputStream(), request.secret());
            channel.send(Wire.Message.of(Wire.Event.HELLO));
            ClassLoader loader = SubmissionClassLoader.forHiddenTests(request.submissionClasses(),
                    request.hiddenPackage(), ChildMain.class.getClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            launcher.execute(TestLauncher.request(loader, request.selectors()),
                    new ChildListener(channel, request.selectors()));
            Trace.mark("child: tests done");
            traceJitAndGc();
            channel.send(Wire.Message.of(Wire.Event.DONE));
        }
        // halt, not exit: nothing the student's code registered (hooks, stray threads) runs after the tests.
        Runtime.getRuntime().halt(0);
    }

    /**
     * The warm-up run loads JUnit's execution path and compiles the autodiff kernels while the parent is still
     * compiling the submission. It only delays a child whose request is already waiting (a fresh child after a
     * test timed out), and {@code -Dgrader.warmUp=false} turns it off (GradeAllBenchmark measures both).
     */
    private static boolean warmUpPays() throws IOException {
        return !"false".equals(System.getProperty("grader.warmUp")) && System.in.available() == 0;
    }

    /** With tracing on, the child's compiler and collector time, for GradeAllBenchmark's breakdown. */
    private static void traceJitAndGc() {
        if (Trace.on()) {
            long gcMillis = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
            Trace.mark("child: JIT " + java.lang.management.ManagementFactory.getCompilationMXBean()
                    .getTotalCompilationTime() + " ms, GC " + gcMillis + " ms");
        }
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
