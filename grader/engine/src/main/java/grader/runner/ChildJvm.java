package grader.runner;

import grader.common.ChildJvmFlags;
import grader.common.GraderConfig;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One child JVM that runs hidden tests, seen from the parent: started early (it warms up while the
 * submission compiles), given its request on stdin, heard through a loopback socket that only accepts
 * messages carrying a fresh random secret, and killed with its whole process tree when time is up.
 */
final class ChildJvm implements AutoCloseable {
    /** What the parent hears from a child: a message, or that the JVM is gone. */
    sealed interface Signal permits Heard, Exited {}

    record Heard(Wire.Message message) implements Signal {}

    /** @param connected whether the child had authenticated: if not, no student code ever ran */
    record Exited(int exitCode, boolean connected) implements Signal {}

    private static final int MAX_LINE_BYTES = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process process;
    private final ServerSocket server;
    private final String secret;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private volatile boolean connected;
    private volatile Socket socket;
    private List<ProcessHandle> processTree;

    private ChildJvm(Process process, ServerSocket server, String secret) {
        this.process = process;
        this.server = server;
        this.secret = secret;
    }

    /** Starts a child in {@code workDir}; its stdout and stderr go to {@code console}. */
    static ChildJvm launch(GraderConfig config, Path workDir, ConsoleCapture console) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        byte[] secretBytes = new byte[24];
        RANDOM.nextBytes(secretBytes);
        Files.createDirectories(workDir);
        ProcessBuilder builder = new ProcessBuilder(command(config)).directory(workDir.toFile())
                .redirectErrorStream(true);
        // The student's code sees no environment: nothing to leak, nothing that varies between machines.
        builder.environment().clear();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            server.close();
            throw e;
        }
        ChildJvm child = new ChildJvm(process, server, HexFormat.of().formatHex(secretBytes));
        console.drain(process.getInputStream(), "child-console-" + process.pid());
        Thread listener = new Thread(child::listen, "child-channel-" + process.pid());
        listener.setDaemon(true);
        listener.start();
        Thread exitWatcher = new Thread(() -> child.watchExit(listener), "child-exit-" + process.pid());
        exitWatcher.setDaemon(true);
        exitWatcher.start();
        return child;
    }

    private static List<String> command(GraderConfig config) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ChildJvmFlags.of(config));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, config.childClasspath().stream().map(Path::toString).toList()));
        command.add(ChildMain.class.getName());
        return command;
    }

    /** Sends the request; the child's stdin is closed after it. */
    void start(Path submissionClasses, String hiddenPackage, List<String> selectors) {
        try (OutputStream stdin = process.getOutputStream()) {
            new RunRequest(server.getLocalPort(), secret, submissionClasses, hiddenPackage, selectors).writeTo(stdin);
        } catch (IOException e) {
            // The child died before reading its request; its exit is reported as a signal.
        }
    }

    /**
     * Processor time (user and system, all threads) the child and anything it started have used so far; zero
     * where the operating system does not tell, which leaves only the wall clock to stop a runaway.
     */
    Duration cpuTime() {
        if (processTree == null) {
            // Read once: walking all of /proc ten times a second would cost the parent more than the answer is worth,
            // and the tree (a wrapper such as a sandbox, then the JVM) is complete by the time a test has started.
            processTree = Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants()).toList();
        }
        return processTree.stream().map(each -> each.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** The next signal, or null after {@code timeout}. */
    Signal poll(Duration timeout) throws InterruptedException {
        return signals.poll(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Accepts the child's connection, then turns each authentic line into a signal. */
    private void listen() {
        try {
            server.setSoTimeout(200);
            while (socket == null) {
                try {
                    socket = server.accept();
                } catch (SocketTimeoutException stillStarting) {
                    if (!process.isAlive()) {
                        return;
                    }
                }
            }
            server.close();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (String line = Wire.readLine(in, MAX_LINE_BYTES); line != null; line = Wire.readLine(in, MAX_LINE_BYTES)) {
                Wire.decode(line, secret).ifPresent(message -> {
                    if (message.event() == Wire.Event.HELLO) {
                        connected = true;
                    } else if (connected) {
                        signals.add(new Heard(message));
                    }
                });
            }
        } catch (IOException closed) {
            // Killed or exited: the exit watcher reports it.
        }
    }

    private void watchExit(Thread listener) {
        try {
            int code = process.waitFor();
            // Let the listener read what the child wrote before it died, so results come before the exit.
            listener.join(2000);
            signals.add(new Exited(code, connected));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the child and anything it started. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            server.close();
            if (socket != null) {
                socket.close();
            }
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
