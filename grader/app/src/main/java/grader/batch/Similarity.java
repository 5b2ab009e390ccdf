package grader.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pairs of submissions whose {@code Model.java} is nearly the same after {@link JavaTokens} normalizes
 * names, literals, comments and whitespace: each file becomes the set of its shingles (runs of
 * {@value #SHINGLE} tokens), minus the shingles of the kit's stub, which every student starts from; two
 * files are compared by the Jaccard similarity of those sets. Files with fewer than {@value #MIN_SHINGLES}
 * shingles of their own (an untouched stub, an empty file) are not compared: there is nothing to copy.
 *
 * <p>A high similarity is evidence for a person to look at, never a verdict: short exercises have few
 * ways to be right, and students may share a tutor or a textbook.
 */
final class Similarity {
    static final int SHINGLE = 8;
    static final int MIN_SHINGLES = 10;

    /** Two submissions and how similar they are (0..1), with how many shingles they share. */
    record Pair(String first, String second, double similarity, int shared) {}

    private final Set<Long> skeleton;

    /** @param skeleton the kit's stub Model.java, whose shingles nobody is credited or blamed for */
    Similarity(String skeleton) {
        this.skeleton = shingles(skeleton);
    }

    /** All pairs at or above {@code threshold}, most similar first (ties by ids, so the order is stable). */
    List<Pair> pairs(Map<String, String> sourceById, double threshold) {
        List<String> ids = sourceById.keySet().stream().sorted().toList();
        List<long[]> sets = new ArrayList<>();
        for (String id : ids) {
            Set<Long> own = shingles(sourceById.get(id));
            own.removeAll(skeleton);
            sets.add(own.stream().mapToLong(Long::longValue).sorted().toArray());
        }
        List<Pair> pairs = new ArrayList<>();
        for (int a = 0; a < ids.size(); a++) {
            for (int b = a + 1; b < ids.size(); b++) {
                long[] first = sets.get(a);
                long[] second = sets.get(b);
                if (first.length < MIN_SHINGLES || second.length < MIN_SHINGLES) {
                    continue;
                }
                int shared = intersection(first, second);
                double jaccard = (double) shared / (first.length + second.length - shared);
                if (jaccard >= threshold) {
                    pairs.add(new Pair(ids.get(a), ids.get(b), Math.round(jaccard * 1e4) / 1e4, shared));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed().thenComparing(Pair::first)
                .thenComparing(Pair::second));
        return pairs;
    }

    static String csv(List<Pair> pairs) {
        StringBuilder csv = new StringBuilder("first,second,similarity,shared_shingles\r\n");
        for (Pair pair : pairs) {
            csv.append(GradesCsv.quoted(pair.first())).append(',').append(GradesCsv.quoted(pair.second())).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", pair.similarity())).append(',').append(pair.shared())
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** 64-bit hashes of every run of SHINGLE consecutive normalized tokens. */
    static Set<Long> shingles(String source) {
        List<String> tokens = JavaTokens.of(source);
        Set<Long> shingles = new HashSet<>();
        for (int start = 0; start + SHINGLE <= tokens.size(); start++) {
            long hash = 1125899906842597L;
            for (int i = start; i < start + SHINGLE; i++) {
                hash = 31 * hash + tokens.get(i).hashCode();
                hash ^= hash >>> 29;
            }
            shingles.add(hash);
        }
        return shingles;
    }

    private static int intersection(long[] first, long[] second) {
        int shared = 0;
        for (int i = 0, j = 0; i < first.length && j < second.length; ) {
            int order = Long.compare(first[i], second[j]);
            if (order == 0) {
                shared++;
                i++;
                j++;
            } else if (order < 0) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }
}
