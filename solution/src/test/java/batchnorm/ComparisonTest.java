package batchnorm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The arithmetic and the output line of {@code Train --compare}. */
class ComparisonTest {
    private static final Comparison.Configuration WITH = new Comparison.Configuration(true, 0.01);
    private static final Comparison.Configuration WITHOUT = new Comparison.Configuration(false, 0.01);

    @Test
    void theBandHoldsMinMedianAndMaxOfEachStepOverTheSeeds() {
        Comparison.LossBand band = Comparison.LossBand.of(new double[][] {{3, 1, 5}, {1, 2, 4}, {2, 9, 6}});
        assertArrayEquals(new double[] {1, 1, 4}, band.min());
        assertArrayEquals(new double[] {2, 2, 5}, band.median());
        assertArrayEquals(new double[] {3, 9, 6}, band.max());
    }

    @Test
    void anEvenNumberOfSeedsTakesTheMeanOfTheTwoMiddleValues() {
        Comparison.LossBand band = Comparison.LossBand.of(new double[][] {{1}, {4}, {2}, {10}});
        assertArrayEquals(new double[] {3}, band.median());
    }

    @Test
    void curvesOfDifferentLengthsAreRefusedWithTheSeed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Comparison.LossBand.of(new double[][] {{1, 2}, {1}}));
        assertEquals("loss curve of seed 1 has 1 steps, seed 0's has 2", error.getMessage());
    }

    @Test
    void theFinalLossIsEachSeedsLastStepAndNonFiniteOnesAreCounted() {
        Comparison.Outcome outcome = Comparison.summarize(WITHOUT, new double[] {0.9, 0.5, 0.7},
                new double[][] {{2, 0.3}, {2, Double.NaN}, {2, 0.1}});
        assertEquals(0.1, outcome.finalLoss().min());
        assertEquals(0.3, outcome.finalLoss().median(), "NaN sorts last, so the median is the middle finite value");
        assertEquals(1, outcome.notFinite());
        assertEquals(new Summary(0.5, 0.7, 0.9), outcome.accuracy());
        assertEquals(3, outcome.seeds());
    }

    @Test
    void theLineNamesTheLearningRateAsTypedAndBothMedians() {
        Comparison.Pair pair = new Comparison.Pair(
                Comparison.summarize(WITH, new double[] {0.95, 0.9, 1.0}, new double[][] {{1, 0.2}, {1, 0.1}, {1, 0.3}}),
                Comparison.summarize(WITHOUT, new double[] {0.8, 0.9, 0.85}, new double[][] {{1, 0.4}, {1, 0.5}, {1, 0.45}}));
        assertEquals("compare lr=0.01 with_bn_acc=0.9500 without_bn_acc=0.8500 with_bn_loss=0.2000 without_bn_loss=0.4500",
                pair.line());
    }

    @Test
    void learningRatesPrintAsTheyAreTyped() {
        assertEquals("0.01", Comparison.plain(0.01));
        assertEquals("0.1", Comparison.plain(0.1));
        assertEquals("0.0001", Comparison.plain(1e-4));
        assertEquals("1", Comparison.plain(1.0));
    }

    @Test
    void aPairIsOneLearningRateWithAndWithoutBatchNorm() {
        Comparison.Outcome with = Comparison.summarize(WITH, new double[] {1}, new double[][] {{1}});
        Comparison.Outcome otherRate = Comparison.summarize(new Comparison.Configuration(false, 0.1), new double[] {1},
                new double[][] {{1}});
        assertThrows(IllegalArgumentException.class, () -> new Comparison.Pair(with, with));
        assertThrows(IllegalArgumentException.class, () -> new Comparison.Pair(with, otherRate));
    }

    @Test
    void withBatchNormTrainsExactlyAsTheDemoDoes() {
        Training.Settings protocol = Training.Settings.standard(0);
        Comparison.Outcome outcome = Comparison.run(WITH, protocol, 2, Training::data);
        double seed0 = Training.run(Training.Settings.standard(0), Training.data(0), Training.Progress.SILENT).testAccuracy();
        double seed1 = Training.run(Training.Settings.standard(1), Training.data(1), Training.Progress.SILENT).testAccuracy();
        assertEquals(new Summary(Math.min(seed0, seed1), (seed0 + seed1) / 2, Math.max(seed0, seed1)), outcome.accuracy());
    }

    @Test
    void bothNetworksLearnTheSameDataOnTheSameSeeds() {
        Comparison.Pair pair = Comparison.compare(0.01, new Training.Settings(0, 20, 0.01, 50), 2, Training::data);
        assertEquals(20, pair.withBatchNorm().curve().median().length);
        assertEquals(20, pair.without().curve().median().length);
        for (Comparison.Outcome outcome : new Comparison.Outcome[] {pair.withBatchNorm(), pair.without()}) {
            assertTrue(outcome.accuracy().min() > 0.6, outcome.configuration() + " should learn more than the"
                    + " majority class in 20 steps: " + outcome.accuracy());
        }
    }
}
