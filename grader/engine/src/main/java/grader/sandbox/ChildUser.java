package grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The unprivileged operating-system user a test JVM runs as when the grader runs as root (Gradescope):
 * the child is started through {@code setpriv} (util-linux), so it has that user's rights and no more.
 *
 * @param name as {@code --child-user} gave it
 * @param uid  its numeric id, never 0
 * @param gid  its primary group
 */
public record ChildUser(String name, int uid, int gid) {

    private static final java.util.Map<String, ChildUser> RESOLVED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Looks the user up with {@code id} (once per name: every test JVM asks); fails with what to do if it
     * does not exist or is root.
     */
    public static ChildUser resolve(String name) {
        return RESOLVED.computeIfAbsent(name, ChildUser::lookUp);
    }

    private static ChildUser lookUp(String name) {
        int uid = id(name, "-u");
        if (uid == 0) {
            throw new IllegalArgumentException("--child-user " + name + " is root: name an unprivileged user, e.g."
                    + " one made with useradd --system --no-create-home grader-student");
        }
        return new ChildUser(name, uid, id(name, "-g"));
    }

    /** {@code setpriv} arguments that start the rest of a command line as this user. */
    List<String> commandPrefix() {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--no-new-privs", "--");
    }

    /** Gives the user a folder of its own, e.g. the child's working folder when it runs outside the sandbox. */
    public void own(Path folder) throws IOException {
        UserPrincipal owner = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
        Files.setOwner(folder, owner);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    /**
     * Lets the user pass through {@code folder} to files it was told the names of, without listing it:
     * the grader's scratch folders, on the way to one submission's classes.
     */
    public static void traversable(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
    }

    /** Makes a tree readable by everyone: the compiled submission the child loads. */
    public static void readable(Path tree) throws IOException {
        try (var paths = Files.walk(tree)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static int id(String name, String flag) {
        try {
            Process process = new ProcessBuilder("id", flag, name).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || !out.matches("[0-9]+")) {
                throw new IllegalArgumentException("--child-user " + name + ": no such user here (id said: " + out
                        + "); create one with useradd --system --no-create-home " + name);
            }
            return Integer.parseInt(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("--child-user needs the id command: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking up " + name, e);
        }
    }
}
