package kit.selfcheck;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Typical mistakes, made by editing one line of the solution: the self-checks catch each one, and the
 * failing check explains the likely cause in words.
 */
class SelfCheckMessagesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            dividing by the variance | (x.sub(mean).div(variance.add(EPSILON).sqrt()), name); | (x.sub(mean).div(variance.add(EPSILON)), name); | Exercise2.outputHasMeanBetaAndStdAbsGamma | you divided by the variance
            ignoring gamma           | normalized.mul(param("gamma_" + name))               | normalized                                     | Exercise2.outputFollowsNewGammaAndBeta   | the output ignores gamma
            never updating averages  | updateRunningAverages(name, mean.value(), variance.value()); | ;                                      | Exercise3.runningAveragesApproachTheDataStatistics | the average never moved
            updating in eval mode    | Node mean = new Node(params.get("avg_mean_" + name)); | updateRunningAverages(name, x.value().mean(0), x.value().mean(0)); Node mean = new Node(params.get("avg_mean_" + name)); | Exercise3.evaluationLeavesTheAveragesUnchanged | evalMode must only read the running averages
            """)
    void aTypicalMistakeFailsItsCheckWithTheLikelyCause(String mistake, String line, String mistaken, String check,
            String cause, @TempDir Path work) throws IOException {
        // Only what the self-checks use; the demo's files (and XChart) would only slow the compiler down.
        Map<String, String> sources = new TreeMap<>(SelfChecksAgainstStubsAndSolutionTest.solutionSources());
        sources.keySet().retainAll(List.of("Model.java", "Layer.java", "BatchNorm.java", "Training.java", "MiniBatches.java"));
        String model = sources.get("Model.java");
        int at = model.indexOf(line);
        assertTrue(at >= 0, "the solution no longer contains the line this mistake edits: " + line);
        sources.put("Model.java", model.substring(0, at) + mistaken + model.substring(at + line.length()));

        List<SelfCheckRun.Outcome> failed = SelfCheckRun.against(sources, work).stream()
                .filter(outcome -> !outcome.passed()).toList();
        String names = failed.stream().map(o -> o.exercise() + "." + o.check()).collect(Collectors.joining(", "));
        SelfCheckRun.Outcome outcome = failed.stream().filter(o -> (o.exercise() + "." + o.check()).equals(check))
                .findFirst().orElseThrow(() -> new AssertionError(mistake + " did not fail " + check + "; failed: " + names));
        String message = outcome.failure().getMessage();
        assertTrue(message.contains("Likely cause: " + cause), mistake + " gave the message:\n" + message);
        assertInstanceOf(AssertionError.class, outcome.failure(), "a friendly assertion failure, not an exception");
    }
}
