package grader.runner;

import grader.harness.SubmissionClassLoader;
import grader.harness.TestLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * The child JVM: runs the hidden tests against one compiled submission and reports each result to the
 * parent over a Unix-domain socket (a file the sandbox binds in), never over stdout (which belongs to the student's printouts).
 *
 * <p>It connects and authenticates before any student code is loaded; the socket then lives only in
 * private fields the student's code cannot reach without reflection, which the static check forbids.
 */
public final class ChildMain {
    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        // A child must never outlive its parent: an endless loop would otherwise run on after a killed grader.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(5)));
        // Start-up work that needs no request, done while the parent compiles the submission.
        Launcher launcher = TestLauncher.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(WarmUpTest.class)).build());
        RunRequest request = RunRequest.readFrom(System.in);
        System.setIn(InputStream.nullInputStream());
        try (SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(request.channel()))) {
            ResultChannel channel = new ResultChannel(Channels.newOutputStream(socket), request.secret());
            channel.send(Wire.Message.of(Wire.Event.HELLO));
            ClassLoader loader = SubmissionClassLoader.forHiddenTests(request.submissionClasses(),
                    request.hiddenPackage(), ChildMain.class.getClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            launcher.execute(TestLauncher.request(loader, request.selectors()),
                    new ChildListener(channel, request.selectors()));
            channel.send(Wire.Message.of(Wire.Event.DONE));
        }
        // halt, not exit: nothing the student's code registered (hooks, stray threads) runs after the tests.
        Runtime.getRuntime().halt(0);
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
