package grader.batch;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import grader.report.Misconception;
import grader.report.PlannedTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The class at a glance, for {@code summary.json} and the HTML report: count, mean, median, a histogram
 * of scores in tenths of the maximum, the pass rate of each test, the misconceptions the hidden tests
 * diagnosed (most students first), the most frequent hints, the slowest submissions and those that could
 * not be graded. Rates are over all submissions of the batch.
 */
record ClassSummary(int count, int graded, double maxScore, double mean, double median, double min, double max,
                    List<Bin> histogram, List<TestRate> passRates, List<MisconceptionCount> misconceptions,
                    List<HintCount> topHints, List<Timing> slowest, List<Failure> notGraded) {

    private static final int BINS = 10;
    private static final int LISTED = 10;
    private static final Gson GSON = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).setPrettyPrinting().disableHtmlEscaping().create();

    /** Scores from {@code from} (inclusive) to {@code to} (exclusive, except the last bin, which holds full marks). */
    record Bin(String label, double from, double to, int count) {}

    record TestRate(String id, String displayName, double points, int passed, double rate) {}

    /**
     * How many submissions made this mistake (named by at least one of their failed tests).
     *
     * @param example the first such submission by id, to open and look at
     * @param tests   the tests that named it, in rubric order
     */
    record MisconceptionCount(String id, String description, int students, String example, List<String> tests) {}

    /** How many submissions ran this test and missed it, with the rubric's hint. */
    record HintCount(String testId, String hint, int students) {}

    record Timing(String id, String name, double seconds, double score) {}

    record Failure(String id, String name, String verdict, String reason) {}

    static ClassSummary of(List<PlannedTest> plan, List<BatchRecord> records) {
        double maxScore = plan.stream().mapToDouble(PlannedTest::points).sum();
        double[] scores = records.stream().mapToDouble(BatchRecord::score).sorted().toArray();
        int count = scores.length;
        double mean = count == 0 ? 0 : java.util.Arrays.stream(scores).sum() / count;
        double median = count == 0 ? 0 : count % 2 == 1 ? scores[count / 2] : (scores[count / 2 - 1] + scores[count / 2]) / 2;
        return new ClassSummary(count, (int) records.stream().filter(BatchRecord::graded).count(), round(maxScore),
                round(mean), round(median), count == 0 ? 0 : scores[0], count == 0 ? 0 : scores[count - 1],
                histogram(scores, maxScore), passRates(plan, records), misconceptions(plan, records), topHints(plan, records),
                records.stream().sorted(Comparator.comparingDouble(BatchRecord::seconds).reversed()).limit(LISTED)
                        .map(r -> new Timing(r.id(), r.name(), r.seconds(), r.score())).toList(),
                records.stream().filter(r -> !r.graded())
                        .map(r -> new Failure(r.id(), r.name(), r.verdict(), r.reason())).toList());
    }

    String toJson() {
        return GSON.toJson(this) + "\n";
    }

    private static List<Bin> histogram(double[] scores, double maxScore) {
        int[] counts = new int[BINS];
        for (double score : scores) {
            int bin = maxScore <= 0 ? 0 : (int) Math.floor(score / maxScore * BINS);
            counts[Math.max(0, Math.min(BINS - 1, bin))]++;
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            String label = (i * 100 / BINS) + (i == BINS - 1 ? "-100%" : "-" + ((i + 1) * 100 / BINS) + "%");
            bins.add(new Bin(label, round(maxScore * i / BINS), round(maxScore * (i + 1) / BINS), counts[i]));
        }
        return bins;
    }

    private static List<TestRate> passRates(List<PlannedTest> plan, List<BatchRecord> records) {
        List<TestRate> rates = new ArrayList<>();
        for (PlannedTest test : plan) {
            int passed = (int) records.stream().filter(record -> record.tests().stream()
                    .anyMatch(result -> result.id().equals(test.id()) && record.passed(result))).count();
            rates.add(new TestRate(test.id(), test.displayName(), test.points(), passed,
                    records.isEmpty() ? 0 : round((double) passed / records.size())));
        }
        return rates;
    }

    /** Most students first; ties by id, so the list is stable. */
    private static List<MisconceptionCount> misconceptions(List<PlannedTest> plan, List<BatchRecord> records) {
        Map<String, Misconception> byId = new TreeMap<>();
        Map<String, Set<String>> students = new TreeMap<>();
        Map<String, Set<String>> tests = new TreeMap<>();
        for (BatchRecord record : records.stream().sorted(Comparator.comparing(BatchRecord::id)).toList()) {
            for (BatchRecord.TestResult result : record.tests()) {
                Misconception named = result.misconception();
                if (named != null && !record.passed(result)) {
                    byId.putIfAbsent(named.id(), named);
                    students.computeIfAbsent(named.id(), id -> new LinkedHashSet<>()).add(record.id());
                    tests.computeIfAbsent(named.id(), id -> new HashSet<>()).add(result.id());
                }
            }
        }
        List<String> rubricOrder = plan.stream().map(PlannedTest::id).toList();
        return byId.values().stream().map(named -> new MisconceptionCount(named.id(), named.description(),
                        students.get(named.id()).size(), students.get(named.id()).iterator().next(),
                        rubricOrder.stream().filter(tests.get(named.id())::contains).toList()))
                .sorted(Comparator.comparingInt(MisconceptionCount::students).reversed()
                        .thenComparing(MisconceptionCount::id))
                .toList();
    }

    /** Most frequent first; ties by rubric order, so the list is stable. */
    private static List<HintCount> topHints(List<PlannedTest> plan, List<BatchRecord> records) {
        Map<String, HintCount> byTest = new LinkedHashMap<>();
        for (PlannedTest test : plan) {
            int students = (int) records.stream().filter(record -> record.tests().stream()
                    .anyMatch(result -> result.id().equals(test.id()) && !result.hint().isEmpty())).count();
            if (students > 0) {
                byTest.put(test.id(), new HintCount(test.id(), test.hint(), students));
            }
        }
        return byTest.values().stream().sorted(Comparator.comparingInt(HintCount::students).reversed())
                .limit(LISTED).toList();
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
