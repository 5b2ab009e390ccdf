package grader.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/** The launcher every run uses lets nothing on the class path register itself through META-INF/services. */
class TestLauncherTest {
    static final AtomicInteger UNINVITED_CALLS = new AtomicInteger();

    /** What a class path could offer JUnit: a listener that would see (and could report on) every test. */
    public static final class UninvitedListener implements TestExecutionListener {
        @Override
        public void testPlanExecutionStarted(TestPlan plan) {
            UNINVITED_CALLS.incrementAndGet();
        }
    }

    @TempDir
    Path classpathFolder;

    @Test
    void aListenerOfferedThroughServicesJoinsJUnitsDefaultLauncherButNotOurs() throws Exception {
        Path services = Files.createDirectories(classpathFolder.resolve("META-INF/services"));
        Files.writeString(services.resolve(TestExecutionListener.class.getName()), UninvitedListener.class.getName() + "\n");
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader offering = new URLClassLoader(new URL[] {classpathFolder.toUri().toURL()}, saved)) {
            Thread.currentThread().setContextClassLoader(offering);
            // The control: without our configuration the listener does join, so the check below can fail.
            run(LauncherFactory.create());
            assertTrue(UNINVITED_CALLS.get() > 0, "JUnit's default launcher should pick up the offered listener");
            UNINVITED_CALLS.set(0);
            run(TestLauncher.create());
            assertEquals(0, UNINVITED_CALLS.get(), "the grader's launcher let an offered listener join");
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
    }

    private static void run(Launcher launcher) throws ClassNotFoundException {
        launcher.execute(TestLauncher.request(TestLauncherTest.class.getClassLoader(), List.of(grader.fixture.LauncherTarget.class.getName())));
    }
}
