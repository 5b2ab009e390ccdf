package grader.runner;

import grader.report.Misconception;
import grader.report.PlannedTest;
import grader.report.TestStatus;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Reports each planned test to the parent as it starts and as it ends. A test method with several
 * invocations (parameterised, repeated) is one planned test: it starts with its first invocation and
 * passes only if all of them pass. A failed or skipped class ends all its unreported tests with it.
 */
final class ChildListener implements TestExecutionListener {
    private static final int MAX_MESSAGE = 4000;

    private final ChildMain.ResultChannel channel;
    private final StuckTestWatch watch;
    private final Set<String> unreported = new LinkedHashSet<>();
    private final Map<String, Failure> firstFailure = new HashMap<>();
    private TestPlan testPlan;

    /** The first invocation of a planned test that did not pass: how it ended, and what it said. */
    private record Failure(TestStatus status, String message) {}

    ChildListener(ChildMain.ResultChannel channel, StuckTestWatch watch, List<String> selectors) {
        this.channel = channel;
        this.watch = watch;
        selectors.forEach(selector -> unreported.add(idOf(selector)));
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        testPlan = plan;
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        plannedId(identifier).filter(id -> isOutermost(identifier)).ifPresent(id -> {
            channel.send(new Wire.Message(Wire.Event.STARTED, id, TestStatus.NOT_RUN, ""));
            watch.testStarted(id, channel);
        });
    }

    /** A hidden test named the misconception behind its failure ({@link grader.rubric.Diagnoses}). */
    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        Map<String, String> pairs = entry.getKeyValuePairs();
        Optional<Misconception> misconception = Misconception.of(pairs.get(grader.rubric.Diagnoses.ID_KEY),
                pairs.get(grader.rubric.Diagnoses.DESCRIPTION_KEY));
        plannedId(identifier).filter(unreported::contains).ifPresent(id -> misconception.ifPresent(named ->
                channel.send(new Wire.Message(Wire.Event.DIAGNOSED, id, TestStatus.NOT_RUN, named.encode()))));
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        String why = "skipped: " + reason;
        plannedId(identifier).ifPresentOrElse(id -> finish(id, TestStatus.NOT_RUN, why),
                () -> finishClass(identifier, TestStatus.NOT_RUN, why));
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        Optional<String> id = plannedId(identifier);
        String failure = result.getThrowable().map(Failures::describe).orElse("");
        boolean crashed = result.getThrowable().filter(StackOverflowError.class::isInstance).isPresent();
        if (id.isEmpty()) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                finishClass(identifier, crashed ? TestStatus.CRASHED : TestStatus.FAILED, failure);
            }
            return;
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            firstFailure.putIfAbsent(id.get(), new Failure(crashed ? TestStatus.CRASHED : TestStatus.FAILED, failure));
        }
        if (isOutermost(identifier)) {
            Failure recorded = firstFailure.remove(id.get());
            if (recorded == null) {
                finish(id.get(), TestStatus.PASSED, "");
            } else {
                finish(id.get(), recorded.status(), recorded.message());
            }
        }
    }

    private void finish(String id, TestStatus status, String message) {
        if (unreported.remove(id)) {
            watch.testFinished();
            String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + " ..." : message;
            channel.send(new Wire.Message(Wire.Event.FINISHED, id, status, text));
        }
    }

    /** A class that failed or was skipped as a whole (e.g. in @BeforeAll) takes its unreported tests with it. */
    private void finishClass(TestIdentifier identifier, TestStatus status, String message) {
        Optional<TestSource> source = identifier.getSource();
        if (source.isEmpty() || !(source.get() instanceof ClassSource classSource)) {
            return;
        }
        String prefix = PlannedTest.simpleName(classSource.getClassName()) + "#";
        for (String id : List.copyOf(unreported)) {
            if (id.startsWith(prefix)) {
                finish(id, status, "the test class failed before this test could run: " + message);
            }
        }
    }

    private Optional<String> plannedId(TestIdentifier identifier) {
        return identifier.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(source -> PlannedTest.simpleName(source.getClassName()) + "#" + source.getMethodName());
    }

    /** False for an invocation of a parameterised test, whose parent has the same method source. */
    private boolean isOutermost(TestIdentifier identifier) {
        Optional<String> parentId = identifier.getParentIdObject().map(testPlan::getTestIdentifier)
                .flatMap(this::plannedId);
        return !parentId.equals(plannedId(identifier));
    }

    private static String idOf(String selector) {
        int hash = selector.indexOf('#');
        return PlannedTest.simpleName(selector.substring(0, hash)) + selector.substring(hash);
    }
}
