package batchnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Train}'s flags, in particular {@code --compare}'s. */
class TrainOptionsTest {
    @Test
    void compareRunsTwentySeedsAtTheExercisesRateAndTenTimesIt() {
        TrainOptions options = TrainOptions.parse("--compare");
        assertEquals(TrainOptions.Mode.COMPARE, options.mode());
        assertEquals(20, options.seeds());
        assertEquals(List.of(0.01, 0.1), options.learningRates());
        assertEquals(Path.of("target", "batchnorm-compare.png"), options.out());
        assertEquals(Training.Settings.standard(0), options.settings());
    }

    @Test
    void compareTakesSeedsAndLearningRatesInAnyOrder() {
        TrainOptions options = TrainOptions.parse("--seeds", "5", "--lrs", "0.003, 0.3", "--compare", "--out", "x.png");
        assertEquals(TrainOptions.Mode.COMPARE, options.mode());
        assertEquals(5, options.seeds());
        assertEquals(List.of(0.003, 0.3), options.learningRates());
        assertEquals(Path.of("x.png"), options.out());
    }

    @Test
    void theDemoKeepsItsLossCurve() {
        TrainOptions options = TrainOptions.parse();
        assertEquals(TrainOptions.Mode.DEMO, options.mode());
        assertEquals(Path.of("target", "loss-curve.png"), options.out());
        assertEquals(TrainOptions.Mode.SEEDS, TrainOptions.parse("--seeds", "3").mode());
    }

    @Test
    void compareWithOneLearningRateSaysWhichFlagToUse() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TrainOptions.parse("--compare", "--lr", "0.1"));
        assertEquals("--compare trains at every learning rate of --lrs X,Y; --lr is for one run", error.getMessage());
    }

    @Test
    void aLearningRateThatIsNotPositiveIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TrainOptions.parse("--compare", "--lrs", "0.01,-1"));
        assertEquals("--lrs takes positive learning rates such as 0.01,0.1, got '-1'", error.getMessage());
    }
}
