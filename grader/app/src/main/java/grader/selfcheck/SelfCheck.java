package grader.selfcheck;

import grader.json.Feedback;
import grader.mutants.Mutant;
import grader.mutants.MutantCatalog;
import grader.pipeline.Grader;
import grader.common.GraderConfig;
import grader.report.GradeReport;
import grader.report.PlannedTest;
import grader.report.TestOutcome;
import grader.report.TestStatus;
import grader.report.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Checks the grader against submissions whose right score is known: the solution (full marks), the
 * student stub (0), and every mutant (exactly the tests it lists fail). Prints one row per submission.
 */
public final class SelfCheck {
    private final GraderConfig config;
    private final int jobs;

    public SelfCheck(GraderConfig config, int jobs) {
        this.config = config;
        this.jobs = jobs;
    }

    /** One submission to grade, what it must score, and how to tell. */
    private record Check(String name, String expected, Judge judge) {}

    /** What is wrong with a report; empty when it is as expected. */
    @FunctionalInterface
    private interface Judge {
        Optional<String> problem(GradeReport report, List<PlannedTest> plan);
    }

    /** The solution: every test passes. */
    private static final Check FULL_MARKS = new Check("solution", "full marks", (report, plan) -> notGraded(report)
            .or(() -> report.fullMarks() ? Optional.empty()
                    : Optional.of("not passed: " + report.outcomes().stream().filter(o -> o.status() != TestStatus.PASSED)
                            .map(o -> o.test().id() + " (" + o.status().words() + ": " + o.message() + ")").toList())));

    /** The student's stub: no test passes. */
    private static final Check ZERO = new Check("student stub", "0", (report, plan) -> notGraded(report)
            .or(() -> report.score() == 0 ? Optional.empty() : Optional.of("passed: " + report.outcomes().stream()
                    .filter(o -> o.status() == TestStatus.PASSED).map(o -> o.test().id()).toList())));

    /** How one check ended; a skipped one (nothing bundled to grade) does not fail the selfcheck. */
    private enum Result { OK, FAILED, SKIPPED }

    /** @param detail what is wrong, or why it was skipped; empty when OK */
    private record Row(String name, String score, String expected, Result result, String detail) {
        static Row skipped(String name, String why) {
            return new Row(name, "-", "-", Result.SKIPPED, why);
        }

        static Row graded(String name, String score, String expected, Optional<String> problem) {
            return new Row(name, score, expected, problem.isEmpty() ? Result.OK : Result.FAILED, problem.orElse(""));
        }
    }

    /** @return true when every check holds */
    public boolean run(PrintWriter out) throws Exception {
        try (Grader grader = new Grader(config)) {
            List<PlannedTest> plan = grader.plan();
            List<Future<Row>> rows = new ArrayList<>();
            List<Row> notGraded = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(jobs);
            try {
                rows.add(pool.submit(() -> grade(grader, plan, config.kit().solutionModel(), FULL_MARKS)));
                config.kit().studentStub().ifPresentOrElse(
                        stub -> rows.add(pool.submit(() -> grade(grader, plan, stub, ZERO))),
                        () -> notGraded.add(Row.skipped("student stub", "not bundled (generate "
                                + "student/src/main/java/batchnorm/Model.java, then rebuild)")));
                Optional<List<Mutant>> catalog = MutantCatalog.bundled();
                if (catalog.isEmpty()) {
                    notGraded.add(Row.skipped("mutants", "no " + MutantCatalog.RESOURCE + " bundled"));
                }
                List<Mutant> mutants = catalog.orElse(List.of());
                for (Mutant mutant : mutants) {
                    try {
                        String source = mutant.apply(config.kit().solutionModel());
                        rows.add(pool.submit(() -> grade(grader, plan, source, losesExactly(mutant))));
                    } catch (Mutant.BadPatchException e) {
                        notGraded.add(new Row(mutant.name(), "-", "-", Result.FAILED, e.getMessage()));
                    }
                }
                List<Row> table = new ArrayList<>();
                for (Future<Row> row : rows) {
                    table.add(row.get());
                }
                table.addAll(notGraded);
                return print(out, plan, table);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Row grade(Grader grader, List<PlannedTest> plan, String source, Check check) throws Exception {
        GradeReport report = grader.gradeSource(source);
        String score = Feedback.points(report.score()) + "/" + Feedback.points(report.maxScore());
        return Row.graded(check.name(), score, check.expected(), check.judge().problem(report, plan));
    }

    private static boolean print(PrintWriter out, List<PlannedTest> plan, List<Row> table) {
        double points = plan.stream().mapToDouble(PlannedTest::points).sum();
        out.printf(Locale.ROOT, "selfcheck: %d hidden tests, %s points%n%n", plan.size(), Feedback.points(points));
        out.printf(Locale.ROOT, "  %-34s %-11s %-62s %s%n", "submission", "score", "expected", "result");
        boolean passed = true;
        for (Row row : table) {
            passed &= row.result() != Result.FAILED;
            String result = switch (row.result()) {
                case OK -> "ok";
                case SKIPPED -> "SKIPPED: " + row.detail();
                case FAILED -> "FAIL: " + row.detail();
            };
            out.printf(Locale.ROOT, "  %-34s %-11s %-62s %s%n", row.name(), row.score(), row.expected(), result);
        }
        out.println();
        out.println(passed ? "selfcheck passed" : "selfcheck FAILED");
        return passed;
    }

    private static Set<String> notPassed(GradeReport report) {
        return report.outcomes().stream().filter(o -> o.status() != TestStatus.PASSED)
                .map(o -> o.test().id()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String firstProblem(GradeReport report) {
        return report.problems().isEmpty() ? "" : ": " + report.problems().get(0).lines().findFirst().orElse("");
    }

    /** The solution and the stub must both reach the tests. */
    private static Optional<String> notGraded(GradeReport report) {
        return report.verdict() == Verdict.GRADED ? Optional.empty() : Optional.of(report.verdict() + firstProblem(report));
    }

    /** A mutant: exactly the tests it lists fail. */
    private static Check losesExactly(Mutant mutant) {
        String expected = "loses " + mutant.mustFail().size() + " listed test" + (mutant.mustFail().size() == 1 ? "" : "s")
                + ", names " + String.join(", ", mutant.diagnoses());
        return new Check(mutant.name(), expected, (report, plan) -> wrongLosses(mutant, report, plan));
    }

    private static Optional<String> wrongLosses(Mutant mutant, GradeReport report, List<PlannedTest> plan) {
        Set<String> known = plan.stream().map(PlannedTest::id).collect(Collectors.toSet());
        List<String> unknown = mutant.mustFail().stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            return Optional.of("mustFail names tests that do not exist: " + unknown);
        }
        if (report.verdict() != Verdict.GRADED) {
            return Optional.of("does not compile or is refused (" + report.verdict() + firstProblem(report) + ")");
        }
        if (report.fullMarks()) {
            return Optional.of("full marks: no test catches this mistake");
        }
        Set<String> failed = notPassed(report);
        Set<String> expected = new TreeSet<>(mutant.mustFail());
        List<String> wrong = new ArrayList<>();
        expected.stream().filter(id -> !failed.contains(id)).forEach(id -> wrong.add("passed but must fail: " + id));
        failed.stream().filter(id -> !expected.contains(id)).forEach(id -> wrong.add("failed but not listed: " + id
                + " (" + statusOf(report, id) + ")"));
        // The misconceptions crossed the child JVM's channel: the class report will count this mistake by its id.
        Set<String> named = report.outcomes().stream().filter(o -> o.misconception() != null)
                .map(o -> o.misconception().id()).collect(Collectors.toCollection(TreeSet::new));
        if (!named.equals(new TreeSet<>(mutant.diagnoses()))) {
            wrong.add("names the misconceptions " + named + " but diagnoses lists " + new TreeSet<>(mutant.diagnoses()));
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
    }

    private static String statusOf(GradeReport report, String id) {
        return report.outcomes().stream().filter(o -> o.test().id().equals(id)).findFirst()
                .map(TestOutcome::status).map(TestStatus::words).orElse("?");
    }
}
