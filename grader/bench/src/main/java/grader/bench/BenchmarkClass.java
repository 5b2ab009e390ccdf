package grader.bench;

import grader.common.KitSources;
import grader.mutants.Mutant;
import grader.mutants.MutantCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A made-up class for the benchmark, from the bundled solution: correct submissions (each with its own
 * comment, so no two are byte-identical), wrong ones (the selfcheck's mutants, in turn), ones that do not
 * compile, and ones whose evaluation mode never returns. The mix is fixed, so runs compare.
 */
final class BenchmarkClass {
    /** What a generated submission is, for the benchmark's own bookkeeping. */
    enum Kind { CORRECT, WRONG, NOT_COMPILING, HANGING, WAITING, HOARDING }

    record Generated(String id, Kind kind, String model) {}

    private static final String EVAL_FIRST_LINE = "Node mean = new Node(params.get(\"avg_mean_\" + name));";

    private BenchmarkClass() {}

    /** {@code count} submissions: 70% correct, 16% wrong, 8% not compiling, 6% hanging (at least one of each). */
    static List<Generated> mixed(int count) throws IOException {
        int wrong = Math.max(1, count * 16 / 100);
        int notCompiling = Math.max(1, count * 8 / 100);
        int hanging = Math.max(1, count * 6 / 100);
        int correct = Math.max(1, count - wrong - notCompiling - hanging);
        List<Generated> all = new ArrayList<>(correctOnes(correct));
        List<Mutant> mutants = MutantCatalog.bundled().orElseThrow(() -> new IOException("no bundled mutants"));
        String solution = KitSources.bundled().solutionModel();
        for (int i = 0; i < wrong; i++) {
            Mutant mutant = mutants.get(i % mutants.size());
            try {
                all.add(new Generated(String.format("wrong-%03d-%s", i, mutant.name()), Kind.WRONG, mutant.apply(solution)));
            } catch (Mutant.BadPatchException e) {
                throw new IOException("mutant " + mutant.name() + " no longer applies to the solution", e);
            }
        }
        for (int i = 0; i < notCompiling; i++) {
            all.add(new Generated(String.format("broken-%03d", i), Kind.NOT_COMPILING,
                    solution.replace("Node mean = x.mean(0);", "Node mean = x.mean(0)")));
        }
        for (int i = 0; i < hanging; i++) {
            all.add(new Generated(String.format("hanging-%03d", i), Kind.HANGING, solution.replace(EVAL_FIRST_LINE,
                    "for (long spin = 0; spin >= 0; spin = (spin + 1) % 1000) { }\n        " + EVAL_FIRST_LINE)));
        }
        return all;
    }

    /**
     * {@code count} submissions of which three are runaways in evaluation mode: an endless loop, a wait that
     * never ends, and one that allocates until the heap is full; the rest are correct.
     */
    static List<Generated> withRunaways(int count) {
        String solution = KitSources.bundled().solutionModel();
        List<Generated> all = new ArrayList<>(correctOnes(Math.max(0, count - 3)));
        all.add(new Generated("runaway-endless-loop", Kind.HANGING, solution.replace(EVAL_FIRST_LINE,
                "for (long spin = 0; spin >= 0; spin = (spin + 1) % 1000) { }\n        " + EVAL_FIRST_LINE)));
        all.add(new Generated("runaway-wait-forever", Kind.WAITING, solution.replace(EVAL_FIRST_LINE,
                "synchronized (params) { try { params.wait(); } catch (InterruptedException e) { } }\n        "
                        + EVAL_FIRST_LINE)));
        all.add(new Generated("runaway-memory", Kind.HOARDING, solution.replace(EVAL_FIRST_LINE,
                "java.util.List<double[]> hoard = new java.util.ArrayList<>();\n        "
                        + "while (hoard.size() >= 0) { hoard.add(new double[1 << 20]); }\n        " + EVAL_FIRST_LINE)));
        return all;
    }

    static List<Generated> correctOnes(int count) {
        String solution = KitSources.bundled().solutionModel();
        List<Generated> correct = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            correct.add(new Generated(String.format("correct-%03d", i), Kind.CORRECT,
                    solution + "\n// benchmark submission " + i + "\n"));
        }
        return correct;
    }

    /** Writes each submission as {@code folder/<id>/Model.java}. */
    static Path write(Path folder, List<Generated> submissions) throws IOException {
        Files.createDirectories(folder);
        for (Generated submission : submissions) {
            Path model = folder.resolve(submission.id()).resolve("Model.java");
            Files.createDirectories(model.getParent());
            Files.writeString(model, submission.model(), StandardCharsets.UTF_8);
        }
        return folder;
    }

    static Map<Kind, Long> counts(List<Generated> submissions) {
        return submissions.stream().collect(java.util.stream.Collectors.groupingBy(Generated::kind,
                () -> new java.util.EnumMap<>(Kind.class), java.util.stream.Collectors.counting()));
    }
}
