package grader.harness;

import grader.report.Misconception;
import grader.rubric.Diagnoses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Collects an in-process run's results, one per test method (a parameterised test's invocations are merged). */
final class TestResults implements TestExecutionListener {
    private final Map<String, TestResult> byMethod = new LinkedHashMap<>();
    private final Map<String, Misconception> diagnosed = new LinkedHashMap<>();

    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        if (identifier.getSource().orElse(null) instanceof MethodSource method) {
            Misconception.of(entry.getKeyValuePairs().get(Diagnoses.ID_KEY), entry.getKeyValuePairs().get(Diagnoses.DESCRIPTION_KEY))
                    .ifPresent(named -> diagnosed.putIfAbsent(method.getClassName() + "#" + method.getMethodName(), named));
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        Throwable failure = result.getThrowable().orElse(null);
        Object source = identifier.getSource().orElse(null);
        if (identifier.isTest() && source instanceof MethodSource method) {
            record(new TestResult(method.getClassName(), method.getMethodName(), passed, failure,
                    passed ? null : diagnosed.get(method.getClassName() + "#" + method.getMethodName())));
        } else if (!passed && source instanceof ClassSource type) {
            record(new TestResult(type.getClassName(), TestResult.WHOLE_CLASS, false, failure));
        }
    }

    private void record(TestResult result) {
        String key = result.className() + "#" + result.methodName();
        TestResult earlier = byMethod.get(key);
        if (earlier == null || (earlier.passed() && !result.passed())) {
            byMethod.put(key, result);
        }
    }

    List<TestResult> all() {
        return new ArrayList<>(byMethod.values());
    }
}
