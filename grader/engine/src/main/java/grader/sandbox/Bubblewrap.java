package grader.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bwrap} command line around a test JVM. Every namespace is new; the root is an empty tmpfs,
 * remounted read-only once the binds are in place, with {@code /usr} (the C library and the tools the
 * command runs through), the JDK and the given read-only paths, {@code /proc} and {@code /dev} of the
 * sandbox's own, and a private tmpfs as working folder and home. Options as in bwrap(1).
 */
final class Bubblewrap {
    /** The top-level folders that merged-/usr systems make links into {@code /usr}, others real folders. */
    private static final List<String> SYSTEM_FOLDERS = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");
    /** The uid and gid the child has inside the sandbox when bwrap runs as root: nobody's. */
    private static final String NOBODY = "65534";

    /** The JDK, and the folders its links lead to (Debian's JDK keeps its conf/ in /etc/java-17-openjdk). */
    private static final List<Path> JDK_FOLDERS = jdkFolders(Path.of(System.getProperty("java.home")).toAbsolutePath());

    private Bubblewrap() {}

    /** {@code bwrap} on the PATH, or the program the system property {@code grader.bwrap} names (tests). */
    static String executable() {
        return System.getProperty("grader.bwrap", "bwrap");
    }

    private static List<Path> jdkFolders(Path javaHome) {
        java.util.TreeSet<Path> folders = new java.util.TreeSet<>();
        if (!javaHome.startsWith("/usr")) {
            folders.add(javaHome);
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(javaHome)) {
            for (Path link : paths.filter(Files::isSymbolicLink).toList()) {
                try {
                    Path target = link.toRealPath();
                    if (!target.startsWith("/usr") && !target.startsWith(javaHome)) {
                        folders.add(target.getParent());
                    }
                } catch (java.io.IOException dangling) {
                    // It points nowhere outside the sandbox either.
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
            throw new IllegalStateException("cannot read the JDK at " + javaHome, unreadable);
        }
        List<Path> outermost = new ArrayList<>();
        for (Path folder : folders) {
            if (outermost.stream().noneMatch(folder::startsWith)) {
                outermost.add(folder);
            }
        }
        return List.copyOf(outermost);
    }

    /** @param asRoot whether bwrap itself runs as root (then the child takes nobody's ids inside) */
    static List<String> commandPrefix(ChildMounts mounts, boolean asRoot) {
        // --as-pid-1: the test JVM is the namespace's first process, with no bwrap reaper between: bwrap then
        // waits for it itself, so its processor time is accounted to the grader (with a reaper in between it
        // was lost), and one process fewer starts.
        List<String> command = new ArrayList<>(List.of(executable(),
                "--unshare-user", "--unshare-ipc", "--unshare-pid", "--as-pid-1", "--unshare-net", "--unshare-uts",
                "--unshare-cgroup-try", "--disable-userns", "--die-with-parent", "--new-session",
                "--cap-drop", "ALL", "--hostname", "grader"));
        if (asRoot) {
            command.addAll(List.of("--uid", NOBODY, "--gid", NOBODY));
        }
        command.addAll(List.of("--ro-bind", "/usr", "/usr"));
        for (String folder : SYSTEM_FOLDERS) {
            Path path = Path.of("/", folder);
            if (Files.isSymbolicLink(path)) {
                command.addAll(List.of("--symlink", readLink(path), path.toString()));
            } else if (Files.isDirectory(path)) {
                command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        for (Path path : JDK_FOLDERS) {
            command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        for (Path path : mounts.readOnly()) {
            command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        command.addAll(List.of("--bind", mounts.channel().toString(), mounts.channel().toString(),
                "--proc", "/proc", "--dev", "/dev",
                "--size", Long.toString(ChildLimits.WORK_FOLDER_BYTES), "--tmpfs", mounts.workDir().toString(),
                "--remount-ro", "/",
                "--chdir", mounts.workDir().toString(), "--setenv", "HOME", mounts.workDir().toString(), "--"));
        return command;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the link " + link, e);
        }
    }
}
