package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.fixture.Submissions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimilarityTest {
    private static final double THRESHOLD = 0.8;

    /** The solution with its own names changed (not the API's, after a dot), comments reworded, a literal changed, re-spaced. */
    private static String disguisedCopy(String model) {
        return model.replaceAll("(?<!\\.)\\bmean\\b", "mu").replaceAll("(?<!\\.)\\bvariance\\b", "sigmaSquared")
                .replaceAll("(?<!\\.)\\bhidden\\b", "activation").replaceAll("(?<!\\.)\\bname\\b", "layerName")
                .replaceAll("//[^\\n]*", "// my own work, honestly").replace("    ", "  ")
                .replace(");\n", ");\n\n").replace("\"avg_mean_\"", "\"averageMean_\"");
    }

    private static String independent() throws IOException {
        try (InputStream in = SimilarityTest.class.getResourceAsStream("/batch/independent/Model.java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRenamedAndReformattedCopyIsFoundAsNearlyIdentical() {
        List<Similarity.Pair> pairs = new Similarity(Submissions.stub())
                .pairs(Map.of("original", Submissions.solution(), "copy", disguisedCopy(Submissions.solution())), THRESHOLD);

        assertEquals(1, pairs.size(), "the disguised copy is listed: " + pairs);
        assertTrue(pairs.get(0).similarity() >= 0.9, "renaming and reformatting barely change the similarity: " + pairs);
    }

    @Test
    void twoIndependentlyWrittenSolutionsAreNotListed() throws IOException {
        List<Similarity.Pair> all = new Similarity(Submissions.stub())
                .pairs(Map.of("reference", Submissions.solution(), "independent", independent()), 0);

        assertEquals(1, all.size(), "with threshold 0 the pair is compared");
        assertTrue(all.get(0).similarity() < THRESHOLD, "independent solutions stay under the threshold: " + all);
    }

    @Test
    void untouchedStubsAreNotComparedBecauseThereIsNothingToCopy() {
        List<Similarity.Pair> pairs = new Similarity(Submissions.stub())
                .pairs(Map.of("lazy", Submissions.stub(), "lazier", Submissions.stub()), 0);

        assertEquals(List.of(), pairs, "the stub's code is subtracted, so two stubs share nothing");
    }

    @Test
    void pairsComeMostSimilarFirst() throws IOException {
        String solution = Submissions.solution();
        List<Similarity.Pair> pairs = new Similarity(Submissions.stub()).pairs(Map.of("a-original", solution,
                "b-copy", disguisedCopy(solution), "c-independent", independent()), 0);

        assertEquals(3, pairs.size(), "three pairs among three submissions");
        assertEquals("a-original/b-copy", pairs.get(0).first() + "/" + pairs.get(0).second(), "the copy pair first");
        assertTrue(pairs.get(0).similarity() >= pairs.get(1).similarity()
                && pairs.get(1).similarity() >= pairs.get(2).similarity(), "sorted by similarity: " + pairs);
    }

    @Test
    void tokensIgnoreCommentsNamesAndLiterals() {
        assertEquals(JavaTokens.of("int count = 3; // three\nx.sqrt(\"a\");"),
                JavaTokens.of("int   total=42;/* many */ y.sqrt('b');"),
                "only the structure and the API member names remain");
    }
}
