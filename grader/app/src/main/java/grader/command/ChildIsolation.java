package grader.command;

import grader.common.Folders;
import grader.common.GraderConfig;
import grader.common.SandboxMode;
import grader.sandbox.ChildUser;
import grader.sandbox.Sandbox;
import grader.sandbox.SlimClasspath;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * How the JVMs that run a submission's tests are isolated: one set of options for grade and grade-all.
 * Both the sandbox and a child user give the child a slim copy of its class path (no reference solution,
 * no kit sources, no mutants); see {@code grader.sandbox}.
 */
public final class ChildIsolation {
    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "auto",
            description = "Run each test JVM in a bubblewrap sandbox: auto (if bubblewrap works here, else warn),"
                    + " required (else exit 2) or off (default: ${DEFAULT-VALUE}).")
    private SandboxMode sandbox;

    @Option(names = "--child-user", paramLabel = "USER",
            description = "Run each test JVM as this unprivileged user (the grader runs as root, e.g. on Gradescope).")
    private String childUser;

    /**
     * {@code config} with these settings and, when the child is isolated, the slim class path written in
     * {@code slimFolder} (or, for a child user, in a new temp folder that user can read); empty after
     * printing to {@code stderr} why grading cannot go on (then exit {@link ExitCode#UNUSABLE}).
     */
    public Optional<GraderConfig> applyTo(GraderConfig config, Path slimFolder, CommandSpec spec, PrintWriter stderr)
            throws IOException {
        String command = spec.name();
        if (childUser != null) {
            try {
                ChildUser.resolve(childUser);
                config = config.toBuilder().childUser(Optional.of(childUser)).build();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        config = config.toBuilder().sandbox(sandbox).build();
        if (sandbox != SandboxMode.OFF) {
            Sandbox.Availability availability = Sandbox.probe(config.childUser());
            if (!availability.works() && sandbox == SandboxMode.REQUIRED) {
                stderr.println(command + ": " + Sandbox.requiredButMissing(availability));
                stderr.flush();
                return Optional.empty();
            }
            if (!availability.works()) {
                stderr.println(command + ": warning: no sandbox around the test JVMs (" + availability.reason()
                        + "); grading with the static check alone. Install bubblewrap, or pass --sandbox off to"
                        + " silence this.");
                stderr.flush();
            }
        }
        if (sandbox == SandboxMode.OFF && childUser == null) {
            return Optional.of(config);
        }
        Path folder = childUser == null ? slimFolder : temporaryFolder(true);
        Path jar = SlimClasspath.write(config.childClasspath(), config.hiddenPackage(), folder);
        return Optional.of(config.toBuilder().childClasspath(java.util.List.of(jar)).build());
    }

    /** Whether a child user was named: its JVMs cannot map a start-up archive kept in the grading user's cache. */
    public boolean hasChildUser() {
        return childUser != null;
    }

    /**
     * Where {@code grade} and {@code grade-all} keep the test JVMs' slim class path and start-up archive between
     * runs: writing the one costs a fresh JVM about a quarter of a second, making the other 1 to 3 s, and their
     * names are hashes of what they depend on (the grader jar's path, size and time; the JDK and JVM options), so
     * a new jar gets new files. The folder is the user's own ({@code grader-cache-UID} in the temp folder, mode
     * 0700); if it is anything else (another owner, other modes, a link) a new temporary folder is used, so nobody
     * can plant a class path or an archive for the test JVM. Files unused for a week are deleted here
     * ({@link StaleCacheEntries}).
     */
    public static Path cacheFolder() throws IOException {
        Object uid;
        try {
            uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException notLinux) {
            return temporaryFolder(false);
        }
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "grader-cache-" + uid);
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            // checked below, whoever made it
        }
        boolean ours = Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                && uid.equals(Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                && Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS)
                        .equals(PosixFilePermissions.fromString("rwx------"));
        if (!ours) {
            return temporaryFolder(false);
        }
        StaleCacheEntries.prune(folder, java.time.Instant.now());
        return folder;
    }

    /**
     * A new folder for the slim class path, deleted when the grader exits (also on Ctrl-C or a platform's
     * SIGTERM); readable by every user only if a child user must read it (the jar holds the hidden tests).
     */
    public static Path temporaryFolder(boolean readableByAll) throws IOException {
        Path folder = Files.createTempDirectory("grader-child-classpath-");
        if (readableByAll) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.deleteRecursively(folder), "grader-classpath-cleanup"));
        return folder;
    }
}
