package kit.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
            dividing by the variance | (centered.div(variance.add(EPSILON).sqrt()), name);   | (centered.div(variance.add(EPSILON)), name);   | Exercise2.outputHasMeanBetaAndStdAbsGamma | you divided by the variance
            ignoring gamma           | normalized.mul(param("gamma_" + name))               | normalized                                     | Exercise2.outputFollowsNewGammaAndBeta   | the output ignores gamma
            never updating averages  | updateRunningAverages(name, mean.value(), variance.value()); | ;                                      | Exercise3.runningAveragesApproachTheDataStatistics | the average never moved
            updating in eval mode    | Node mean = new Node(params.get("avg_mean_" + name)); | updateRunningAverages(name, x.value().mean(0), x.value().mean(0)); Node mean = new Node(params.get("avg_mean_" + name)); | Exercise3.evaluationLeavesTheAveragesUnchanged | evalMode must only read the running averages
            averages as named nodes  | Node mean = new Node(params.get("avg_mean_" + name)); | Node mean = new Node(params.get("avg_mean_" + name), "avg_mean_" + name); | Exercise3.runningAveragesNeverAppearInTheGradient | the running averages were read as named nodes
            """)
    void aTypicalMistakeFailsItsCheckWithTheLikelyCause(String mistake, String line, String mistaken, String check,
            String cause, @TempDir Path work) throws IOException {
        Map<String, String> sources = new TreeMap<>(SelfChecksAgainstStubsAndSolutionTest.solutionSources());
        String model = sources.get("Model.java");
        int at = model.indexOf(line);
        assertTrue(at >= 0, "the solution no longer contains the line this mistake edits: " + line);
        sources.put("Model.java", model.substring(0, at) + mistaken + model.substring(at + line.length()));

        List<SelfCheckRun.Outcome> outcomes = SelfCheckRun.against(sources, work, check);
        assertEquals(1, outcomes.size(), "exactly the one check " + check + " should run: " + outcomes);
        SelfCheckRun.Outcome outcome = outcomes.get(0);
        assertFalse(outcome.passed(), mistake + " passed " + check);
        String message = outcome.failure().getMessage();
        assertTrue(message.contains("Likely cause: " + cause), mistake + " gave the message:\n" + message);
        assertInstanceOf(AssertionError.class, outcome.failure(), "a friendly assertion failure, not an exception");
    }
}
