package grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example question against PrairieLearn's documented layout
 * (https://prairielearn.readthedocs.io/en/latest/externalGrading/): info.json's externalGradingOptions,
 * the entrypoint under /grade/serverFilesCourse, and the elements of question.html.
 */
class PrairieLearnQuestionTest {
    private Map<String, ArchiveEntry> files;
    private JsonObject info;

    @BeforeEach
    void buildTheQuestion(@TempDir Path temp) throws IOException {
        files = new TreeMap<>();
        Path fakeJar = Files.write(temp.resolve("grader.jar"), new byte[] {1});
        new PrairieLearnQuestion(BundledFiles.ofRunningGrader(), fakeJar).entries().forEach(entry -> files.put(entry.path(), entry));
        info = JsonParser.parseString(files.get("questions/batchnorm/info.json").text()).getAsJsonObject();
    }

    @Test
    void infoJsonIsAV3ExternallyGradedQuestionOnPrairieLearnsJavaImage() {
        UUID.fromString(info.get("uuid").getAsString());
        assertEquals("v3", info.get("type").getAsString());
        assertEquals("External", info.get("gradingMethod").getAsString());
        JsonObject options = info.getAsJsonObject("externalGradingOptions");
        assertEquals("prairielearn/grader-java", options.get("image").getAsString(),
                "PrairieLearn's maintained Java image (Ubuntu 24.04, JDK 25, user sbuser), run with the kit's entrypoint");
        int timeout = options.get("timeout").getAsInt();
        assertTrue(timeout > 0 && timeout <= 600, "PrairieLearn allows 1 to 600 seconds, got " + timeout);
        // apps/prairielearn/src/schemas/infoQuestion.ts: "enabled" is deprecated (gradingMethod says it all)
        Set<String> documented = Set.of("image", "entrypoint", "serverFilesCourse", "timeout", "enableNetworking", "environment");
        assertTrue(documented.containsAll(options.keySet()), "only documented, current options: " + options.keySet());
    }

    @Test
    void theRunScriptsTimeLimitsComeFromInfoJsonsTimeoutAndLeaveRoomInsideIt() {
        String run = files.get("serverFilesCourse/batchnorm_grader/run.sh").text();
        int timeout = info.getAsJsonObject("externalGradingOptions").get("timeout").getAsInt();
        assertTrue(run.contains("\nQUESTION_TIMEOUT=" + timeout + "\n"),
                "run.sh's QUESTION_TIMEOUT must equal info.json's timeout (" + timeout + " s):\n" + run);
        assertTrue(run.contains("total_timeout=$((QUESTION_TIMEOUT - 30))"), "30 s stay for start-up, compile and writing");
        assertTrue(run.contains("--total-timeout \"$total_timeout\"\n"), run);
        // one limit for every test would replace the measured per-test limits (a loop would cost 20 s a test)
        assertFalse(run.contains("--test-timeout"), "each test keeps its measured limit:\n" + run);
    }

    @Test
    void theEntrypointIsAScriptOfTheCopiedServerFilesFolderAndEveryGraderFileIsThere() {
        JsonObject options = info.getAsJsonObject("externalGradingOptions");
        JsonArray serverFiles = options.getAsJsonArray("serverFilesCourse");
        assertEquals(1, serverFiles.size());
        String folder = serverFiles.get(0).getAsString();
        String entrypoint = options.get("entrypoint").getAsString();
        assertEquals("/grade/serverFilesCourse/" + folder + "run.sh", entrypoint,
                "PrairieLearn copies serverFilesCourse/" + folder + " to /grade/serverFilesCourse/" + folder);
        for (String name : new String[] {"run.sh", "grade_submission.sh", "grader.jar"}) {
            assertTrue(files.containsKey("serverFilesCourse/" + folder + name), "missing serverFilesCourse/" + folder + name);
        }
        assertTrue(files.get("serverFilesCourse/" + folder + "run.sh").executable(), "the entrypoint is a #! script");
    }

    @Test
    void theQuestionAcceptsModelJavaAndShowsTheGradersResults() {
        String html = files.get("questions/batchnorm/question.html").text();
        assertTrue(html.contains("<pl-file-upload file-names=\"Model.java\">"), "students upload Model.java");
        String submissionPanel = html.substring(html.indexOf("<pl-submission-panel>"), html.indexOf("</pl-submission-panel>"));
        assertTrue(submissionPanel.contains("<pl-external-grader-results>"), "results are shown in the submission panel");
    }

    @Test
    void theRunScriptGradesTheStudentFolderInPrairieLearnsFormat() {
        String run = files.get("serverFilesCourse/batchnorm_grader/run.sh").text();
        assertTrue(run.contains("root=${PL_GRADE_ROOT:-/grade}"), "the root defaults to /grade");
        assertTrue(run.contains("\"$root/student\" prairielearn \"$root/results/results.json\""), run);
    }
}
