package grader.sandbox;

import grader.common.Folders;
import grader.common.GraderConfig;
import grader.common.SandboxMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How a test JVM is isolated under a configuration: whether it runs in bubblewrap, as which user, and the
 * command line that starts it. Whether bubblewrap works is probed once per JVM (and child user) by
 * starting {@code java -version} exactly as a test JVM would be started.
 */
public final class Sandbox {
    /** What the probe found. {@code reason} says why not, in words for the instructor. */
    public record Availability(boolean works, String reason) {}

    /** By bwrap program and child user. */
    private static final Map<List<Object>, Availability> PROBED = new ConcurrentHashMap<>();
    private static final long PROBE_SECONDS = 30;

    private Sandbox() {}

    /** Whether bubblewrap works here for {@code childUser}; probed the first time only. */
    public static Availability probe(Optional<String> childUser) {
        return PROBED.computeIfAbsent(List.of(Bubblewrap.executable(), childUser), key -> runProbe(childUser));
    }

    /** Whether test JVMs of {@code config} run sandboxed; fails if the sandbox is required and cannot be had. */
    public static boolean active(GraderConfig config) {
        if (config.sandbox() == SandboxMode.OFF) {
            return false;
        }
        Availability availability = probe(config.childUser());
        if (!availability.works() && config.sandbox() == SandboxMode.REQUIRED) {
            throw new IllegalStateException(requiredButMissing(availability));
        }
        return availability.works();
    }

    /** The words for {@code --sandbox required} when bubblewrap does not work here. */
    public static String requiredButMissing(Availability availability) {
        return "--sandbox required, but the test JVMs cannot be sandboxed here: " + availability.reason()
                + ". Install bubblewrap (apt-get install bubblewrap) where user namespaces are allowed, or grade"
                + " with --sandbox auto or off (see docs/instructors.md#the-sandbox).";
    }

    /**
     * How the reports describe the isolation of {@code config}: {@code bubblewrap}, with the child user
     * if any, or why there is no sandbox.
     */
    public static String describe(GraderConfig config) {
        String user = config.childUser().map(name -> ", as user " + name).orElse("");
        if (config.sandbox() == SandboxMode.OFF) {
            return "off (--sandbox off)" + user;
        }
        Availability availability = probe(config.childUser());
        return availability.works() ? "bubblewrap" + user : "unavailable: " + availability.reason() + user;
    }

    /** The full command that starts {@code javaCommand} as a test JVM of {@code config}. */
    public static List<String> command(GraderConfig config, ChildMounts mounts, List<String> javaCommand) {
        List<String> command = new ArrayList<>();
        Optional<ChildUser> user = config.childUser().map(ChildUser::resolve);
        user.ifPresent(childUser -> command.addAll(childUser.commandPrefix()));
        boolean sandboxed = active(config);
        if (sandboxed) {
            command.addAll(Bubblewrap.commandPrefix(mounts, user.isEmpty() && isRoot()));
        }
        if (sandboxed || user.isPresent()) {
            // A child user's processes are its own, so the process limit holds outside the sandbox too.
            command.addAll(ChildLimits.commandPrefix());
        }
        command.addAll(javaCommand);
        return command;
    }

    private static Availability runProbe(Optional<String> childUser) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("grader-sandbox-probe-");
            Path channel = Files.createFile(folder.resolve("channel"));
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
            Files.setPosixFilePermissions(channel, PosixFilePermissions.fromString("rw-rw-rw-"));
            List<String> command = new ArrayList<>();
            childUser.map(ChildUser::resolve).ifPresent(user -> command.addAll(user.commandPrefix()));
            command.addAll(Bubblewrap.commandPrefix(new ChildMounts(List.of(), channel, folder.resolve("work")),
                    childUser.isEmpty() && isRoot()));
            command.addAll(ChildLimits.commandPrefix());
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:-UsePerfData", "-version"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Availability(false, "bwrap did not start java within " + PROBE_SECONDS + " s");
            }
            return process.exitValue() == 0 ? new Availability(true, "")
                    : new Availability(false, "bwrap failed (exit code " + process.exitValue() + "): "
                    + firstLine(output));
        } catch (IOException e) {
            return new Availability(false, "bubblewrap (bwrap) is not installed or cannot start (" + e.getMessage()
                    + ")");
        } catch (IllegalArgumentException e) {
            return new Availability(false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Availability(false, "interrupted while probing bubblewrap");
        } finally {
            if (folder != null) {
                Folders.deleteRecursively(folder);
            }
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("no output");
        return line.length() > 300 ? line.substring(0, 300) + " ..." : line;
    }

    /** Whether this JVM runs as root: {@code /proc/self} belongs to the process's effective user. */
    static boolean isRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException notLinux) {
            return false;
        }
    }
}
