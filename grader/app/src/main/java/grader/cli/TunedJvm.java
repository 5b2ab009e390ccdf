package grader.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs the grader in a second JVM started with options that suit its work, since {@code java -jar} cannot
 * carry JVM options. The grader's processor time goes mostly to javac, and a JVM that also compiles javac
 * with C2 spends more on that than it will ever win back in a run of seconds or a class of a few hundred: with
 * C1 only and the serial collector, a single {@code grade} took 15-20% less wall time and a quarter less
 * processor time on this kit's 2-core machine, and grade-all a fifth less processor time per submission
 * (GradeAllBenchmark measures both ways in the same run). It maps the grader's own class-data archive once a
 * {@code grade-all} made one ({@link GraderArchive}). The launching JVM only waits, passes its exit code on,
 * and takes the tuned one with it when it is stopped. Off with {@code -Dgrader.tunedJvm=false}, and where a
 * debugger, profiler or agent is attached.
 */
public final class TunedJvm {
    /**
     * {@code true} in the tuned JVM, which must not start another one; {@code false} from the user runs the
     * grader in the JVM it was started in, with the user's options only.
     */
    public static final String TUNED_PROPERTY = "grader.tunedJvm";
    /**
     * C1 only, the serial collector, no hsperfdata file in /tmp. All are -XX options, which a JVM other than
     * HotSpot (OpenJ9) ignores, and HotSpot does too for any it no longer knows: never a JVM that cannot start.
     */
    public static final List<String> OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-XX:-UsePerfData");
    private static final List<String> TOOL_OPTIONS = List.of("-agentlib:", "-agentpath:", "-javaagent:", "-Xrunjdwp",
            "-Xdebug", "-XX:StartFlightRecording", "-XX:+FlightRecorder");
    /** How long a stopped launcher waits for the tuned JVM to write what it has and end. */
    private static final long STOP_GRACE_SECONDS = 30;

    private TunedJvm() {}

    /**
     * Runs the command in a tuned JVM and returns its exit code, or empty when this JVM should run it itself:
     * it is the tuned one, the user turned this off, or no second JVM could be started.
     */
    static OptionalInt runTuned(String[] args) {
        String setting = System.getProperty(TUNED_PROPERTY, "");
        if (setting.equals("true")) {
            endWithLauncher();
            return OptionalInt.empty();
        }
        if (setting.equals("false") || toolAttached()) {
            return OptionalInt.empty();
        }
        Optional<GraderArchive> archive = userChoseClassDataSharing() ? Optional.empty()
                : GraderArchive.forCommand(args, jvmOptions(), classpath());
        Process tuned;
        try {
            tuned = new ProcessBuilder(command(args, archive.map(GraderArchive::options).orElse(List.of())))
                    .inheritIO().start();
        } catch (IOException cannotStart) {
            return OptionalInt.empty();
        }
        // Ctrl-C reaches both JVMs (one process group); a platform's SIGTERM reaches only this one: pass it on,
        // and let the tuned JVM finish its partial results (grade-all) and remove its scratch before this one ends.
        Thread passOnStop = new Thread(() -> {
            tuned.destroy();
            waitQuietly(tuned);
        }, "grader-stop-tuned-jvm");
        Runtime.getRuntime().addShutdownHook(passOnStop);
        try {
            int exitCode = tuned.waitFor();
            Runtime.getRuntime().removeShutdownHook(passOnStop);
            archive.ifPresent(made -> made.finish(exitCode));
            return OptionalInt.of(exitCode);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(1);
        } catch (IllegalStateException shuttingDown) {
            return OptionalInt.of(1);
        }
    }

    /**
     * The same java, class path (made absolute, as the archive records it) and command line; this JVM's own
     * options (system properties, heap, an agent) come after the tuned ones, so that an option the user gave
     * wins, and the archive's ({@link GraderArchive}) last.
     */
    static List<String> command(String[] args, List<String> archiveOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(archiveOptions);
        command.add("-D" + TUNED_PROPERTY + "=true");
        command.add("-cp");
        command.add(classpathText());
        command.add(GraderCli.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** The tuned options, then the user's. */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(OPTIONS);
        options.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        return options;
    }

    private static List<Path> classpath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isEmpty()).map(entry -> Path.of(entry).toAbsolutePath()).toList();
    }

    private static String classpathText() {
        return String.join(java.io.File.pathSeparator, classpath().stream().map(Path::toString).toList());
    }

    /** The user's own class-data sharing options win: the grader adds none next to them. */
    private static boolean userChoseClassDataSharing() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(option ->
                option.startsWith("-Xshare") || option.contains("SharedArchiveFile") || option.contains("ArchiveClassesAtExit")
                        || option.contains("AOTCache") || option.contains("AOTMode"));
    }

    /**
     * A debugger, profiler or agent on this JVM: it stays where the user attached it, so the grader runs here
     * (a second JVM would also open the debugger's port or write the same recording).
     */
    static boolean toolAttached() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(option ->
                TOOL_OPTIONS.stream().anyMatch(option::startsWith));
    }

    /** A launcher killed outright (SIGKILL) cannot pass anything on: the tuned JVM notices and stops itself. */
    private static void endWithLauncher() {
        ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> {
            System.err.println("grader: the launching JVM ended; stopping.");
            System.exit(143);
        }));
    }

    private static void waitQuietly(Process tuned) {
        try {
            tuned.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
