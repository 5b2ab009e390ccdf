package grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** An unprivileged system user made for one test class and removed after it; only root can make one. */
public final class ThrowawayUser implements AutoCloseable {
    public final String name = "grader-probe-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

    private ThrowawayUser() {}

    public static boolean canCreate() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0
                    && Files.isExecutable(Path.of("/usr/sbin/useradd"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException notLinux) {
            return false;
        }
    }

    public static ThrowawayUser create() throws IOException, InterruptedException {
        ThrowawayUser user = new ThrowawayUser();
        run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user.name);
        return user;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("userdel", name);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
