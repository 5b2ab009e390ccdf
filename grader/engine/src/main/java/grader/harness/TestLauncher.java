package grader.harness;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * How every run of tests against a variant asks JUnit for them, in the child JVM and in-process alike:
 * in a fixed order, on one thread, with no extension that was not asked for.
 */
public final class TestLauncher {
    private TestLauncher() {}

    /**
     * JUnit's launcher with the Jupiter engine and nothing found on the class path: no engine, listener,
     * session listener, discovery listener or post-discovery filter registers itself through
     * {@code META-INF/services}, so nothing a submission's class path could carry joins the run uninvited.
     */
    public static Launcher create() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build());
    }

    /**
     * @param selectors {@code binary.ClassName#method} for one test method (nested classes included), or
     *                  {@code binary.ClassName} for all of a class's tests; loaded through {@code loader}
     */
    public static LauncherDiscoveryRequest request(ClassLoader loader, List<String> selectors)
            throws ClassNotFoundException {
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                // The parent predicts the order (class name, then method name) to know which test to blame
                // when the JVM hangs or dies outside a test.
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$ClassName")
                .configurationParameter("junit.jupiter.testmethod.order.default",
                        "org.junit.jupiter.api.MethodOrderer$MethodName")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        for (String selector : selectors) {
            int hash = selector.indexOf('#');
            Class<?> testClass = Class.forName(hash < 0 ? selector : selector.substring(0, hash), false, loader);
            builder.selectors(hash < 0 ? DiscoverySelectors.selectClass(testClass)
                    : methodSelector(testClass, selector.substring(hash + 1)));
        }
        return builder.build();
    }

    private static DiscoverySelector methodSelector(Class<?> testClass, String methodName) {
        if (testClass.getEnclosingClass() == null) {
            return DiscoverySelectors.selectMethod(testClass, methodName);
        }
        List<Class<?>> enclosing = new ArrayList<>();
        for (Class<?> outer = testClass.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            enclosing.add(0, outer);
        }
        return DiscoverySelectors.selectNestedMethod(enclosing, testClass, methodName);
    }
}
