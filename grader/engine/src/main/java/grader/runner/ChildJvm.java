package grader.runner;

import grader.common.ChildJvmFlags;
import grader.common.Folders;
import grader.common.GraderConfig;
import grader.sandbox.ChildMounts;
import grader.sandbox.ChildUser;
import grader.sandbox.Sandbox;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One child JVM that runs hidden tests, seen from the parent: started early (it warms up while the
 * submission compiles), in the sandbox its configuration asks for, given its request on stdin, heard
 * through a Unix-domain socket (a file, so it reaches into a sandbox that has no network) that accepts
 * one connection and only messages carrying a fresh random secret, and killed with its whole process
 * tree (and so its sandbox) when time is up.
 */
final class ChildJvm implements AutoCloseable, TestClock.Watched {
    /** What the parent hears from a child: a message, or that the JVM is gone. */
    sealed interface Signal permits Heard, Exited {}

    record Heard(Wire.Message message) implements Signal {}

    /** @param connected whether the child had authenticated: if not, no student code ever ran */
    record Exited(int exitCode, boolean connected) implements Signal {}

    private static final int MAX_LINE_BYTES = 64 * 1024;
    /** sun_path is 108 bytes on Linux, 104 on macOS, with its terminating zero. */
    private static final int MAX_SOCKET_PATH = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a sandbox's wrapper may take to end after its test JVM was killed, before it is killed too. */
    private static final Duration WRAPPER_EXIT = Duration.ofMillis(500);
    /**
     * How long the exit watcher waits for the listener to read what an ended child wrote. The listener always ends
     * soon after the child (its socket ends with the JVM, an unconnected one has its server closed), but on a
     * machine loaded far beyond its cores it may get its first turn seconds later: 2 s lost a whole run's results
     * that way ("failed to start", exit code 0). The cap only guards against a listener that never ends.
     */
    private static final Duration LISTENER_DRAIN = Duration.ofSeconds(30);

    private final Process process;
    private final ServerSocketChannel server;
    private final Path channelFolder;
    private final Path channel;
    private final String secret;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private volatile boolean connected;
    private volatile SocketChannel socket;
    /** The channel's reader, shared by the listener and {@link #catchUp}; null until the child connects. */
    private volatile ChannelLines lines;
    private volatile Selector selector;
    private List<ProcessHandle> processTree;
    /** What the reader of this child's stdout and stderr saw of its pipe; set once, right after the start. */
    private volatile ConsoleCapture.Reader console;
    /** Each process's processor time when last read: the OS forgets a process's time once it has ended. */
    private final Map<Long, Duration> cpuTimes = new HashMap<>();

    private ChildJvm(Process process, ServerSocketChannel server, Path channel, String secret) {
        this.process = process;
        this.server = server;
        this.channelFolder = channel.getParent();
        this.channel = channel;
        this.secret = secret;
    }

    /**
     * Starts a child in {@code workDir}; its stdout and stderr go to {@code console}.
     *
     * @param submissionClasses where the submission's classes will be: the folder exists (maybe still
     *                          empty) and the child sees it, read-only
     */
    static ChildJvm launch(GraderConfig config, Path workDir, Path submissionClasses, ConsoleCapture console)
            throws IOException {
        byte[] secretBytes = new byte[24];
        RANDOM.nextBytes(secretBytes);
        Files.createDirectories(workDir);
        Path channel = channelFolder(workDir).resolve("channel");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Process process;
        try {
            server.bind(UnixDomainSocketAddress.of(channel), 1);
            boolean sandboxed = Sandbox.active(config);
            if (config.childUser().isPresent()) {
                // The child user may connect (the secret still decides what counts) but not list the folder.
                ChildUser.traversable(channel.getParent());
                Files.setPosixFilePermissions(channel, PosixFilePermissions.fromString("rw-rw-rw-"));
                if (!sandboxed) {
                    ChildUser.resolve(config.childUser().get()).own(workDir);
                }
            }
            List<Path> readOnly = new ArrayList<>(config.childClasspath());
            readOnly.add(submissionClasses);
            readOnly.addAll(archivesIn(config.childJvmOptions()));
            List<String> command = Sandbox.command(config, new ChildMounts(readOnly, channel, workDir), command(config));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            // The student's code sees no environment: nothing to leak, nothing that varies between machines.
            builder.environment().clear();
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            server.close();
            Folders.deleteRecursively(channel.getParent());
            throw e;
        }
        ChildJvm child = new ChildJvm(process, server, channel, HexFormat.of().formatHex(secretBytes));
        child.console = console.drain(process.getInputStream(), "child-console-" + process.pid());
        Thread listener = new Thread(child::listen, "child-channel-" + process.pid());
        listener.setDaemon(true);
        listener.start();
        Thread exitWatcher = new Thread(() -> child.watchExit(listener), "child-exit-" + process.pid());
        exitWatcher.setDaemon(true);
        exitWatcher.start();
        return child;
    }

    /**
     * A new folder for the socket next to the work folder (so the grader's scratch clean-up removes it
     * even after a kill), or in the temp folder when that path is too long for a socket (108 bytes on Linux).
     * Its own for each child: a spare child ({@link SpareChild}) starts while the one it replaces still runs.
     */
    private static Path channelFolder(Path workDir) throws IOException {
        Path beside = Files.createTempDirectory(workDir.toAbsolutePath().getParent(), workDir.getFileName() + "-channel-");
        if (beside.resolve("channel").toString().length() < MAX_SOCKET_PATH) {
            return beside;
        }
        Files.delete(beside);
        return Files.createTempDirectory("grader-channel-");
    }

    /**
     * Files named by {@link ChildJvmFlags#CLASS_DATA_ARCHIVE} or {@link ChildJvmFlags#AOT_CACHE}, which the child
     * must see to map them.
     */
    private static List<Path> archivesIn(List<String> jvmOptions) {
        return jvmOptions.stream()
                .filter(o -> o.startsWith(ChildJvmFlags.CLASS_DATA_ARCHIVE) || o.startsWith(ChildJvmFlags.AOT_CACHE))
                .map(o -> Path.of(o.substring(o.indexOf('=') + 1)))
                .filter(Files::isRegularFile).toList();
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
            new RunRequest(channel, secret, submissionClasses, hiddenPackage, selectors).writeTo(stdin);
        } catch (IOException e) {
            // The child died before reading its request; its exit is reported as a signal.
        }
    }

    /**
     * Processor time (user and system, all threads) the child and anything it started have used so far; zero
     * where the operating system does not tell, which leaves only the wall clock to stop a runaway. It never
     * goes down: a process that has ended keeps the time it was last seen with (read afresh, it would count as
     * zero, and the last test of a JVM that had just exited took a negative time).
     */
    @Override
    public synchronized Duration cpuTime() {
        for (ProcessHandle each : processTree()) {
            each.info().totalCpuDuration().ifPresent(cpu -> cpuTimes.merge(each.pid(), cpu,
                    (seen, now) -> now.compareTo(seen) > 0 ? now : seen));
        }
        return cpuTimes.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Whether a thread of the child runs or waits for a core right now; empty where the OS does not tell. */
    @Override
    public Optional<Boolean> wantsProcessor() {
        return ThreadStates.anyRunnable(processTree());
    }

    @Override
    public boolean consoleBackedUpSince(long nanoTime) {
        ConsoleCapture.Reader reader = console;
        return reader != null && reader.backedUpSince(nanoTime);
    }

    private List<ProcessHandle> processTree() {
        if (processTree == null) {
            // Read once: walking all of /proc ten times a second would cost the parent more than the answer is worth,
            // and the tree (a wrapper such as a sandbox, then the JVM) is complete by the time a test has started.
            processTree = Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants()).toList();
        }
        return processTree;
    }

    /** The next signal, or null after {@code timeout}. */
    Signal poll(Duration timeout) throws InterruptedException {
        return signals.poll(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /**
     * Accepts the child's connection (the exit watcher closes the server if the child dies first), then
     * turns each authentic line into a signal as it arrives.
     */
    private void listen() {
        try (Selector selector = Selector.open()) {
            SocketChannel accepted = server.accept();
            server.close();
            // One connection is all the channel takes: its file can go now, so that a grader killed later
            // (SIGKILL, no clean-up) leaves nothing behind even where the socket had to live in the temp folder.
            Folders.deleteRecursively(channelFolder);
            accepted.configureBlocking(false);
            accepted.register(selector, SelectionKey.OP_READ);
            lines = new ChannelLines(accepted, MAX_LINE_BYTES);
            socket = accepted;
            this.selector = selector;
            while (lines.readArrived(this::hear)) {
                selector.select();
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException closed) {
            // Killed or exited: the exit watcher reports it.
        }
    }

    /**
     * Reads, on the caller's thread, whatever the child has already sent and the listener has not yet read.
     * A verdict from the clocks must wait for this: the child's results may sit unread in the socket while the
     * parent's own threads were paused, and the clocks then see a child that finished its test as idle.
     *
     * @return whether a signal is waiting to be polled
     */
    boolean catchUp() {
        ChannelLines reading = lines;
        if (reading != null) {
            try {
                reading.readArrived(this::hear);
            } catch (IOException closed) {
                // Killed or exited: nothing more will arrive, and the exit watcher reports it.
            }
        }
        return !signals.isEmpty();
    }

    private void hear(String line) {
        Wire.decode(line, secret).ifPresent(message -> {
            if (message.event() == Wire.Event.HELLO) {
                connected = true;
            }
            if (connected) {
                // HELLO too: the test run's clocks count the start grace from it (TestClock#connected).
                signals.add(new Heard(message));
            }
        });
    }

    private void watchExit(Thread listener) {
        try {
            int code = process.waitFor();
            if (socket == null) {
                closeQuietly();
            }
            // Let the listener read what the child wrote before it died, so results come before the exit.
            listener.join(LISTENER_DRAIN.toMillis());
            signals.add(new Exited(code, connected));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the child and anything it started. */
    @Override
    public void close() {
        try {
            // The test JVM first, alone: a sandbox's own processes then reap it and end by themselves, so its
            // processor time reaches this process's accounting (getrusage, bash's times) instead of vanishing
            // with a killed wrapper. Then everything that is left.
            List<ProcessHandle> leaves = process.descendants().filter(each -> each.children().findAny().isEmpty())
                    .toList();
            leaves.forEach(ProcessHandle::destroyForcibly);
            if (!leaves.isEmpty()) {
                process.waitFor(WRAPPER_EXIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            closeQuietly();
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Folders.deleteRecursively(channelFolder);
    }

    private void closeQuietly() {
        try {
            server.close();
            if (socket != null) {
                socket.close();
            }
            if (selector != null) {
                selector.close();  // wakes the listener, which then finds the channel closed
            }
        } catch (IOException alreadyClosed) {
            // Nothing more to release.
        }
    }
}
