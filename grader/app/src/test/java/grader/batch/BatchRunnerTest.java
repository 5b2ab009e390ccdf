package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grader.fixture.Submissions;
import grader.pipeline.Grader;
import grader.report.PlannedTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * grade-all's batch on the fixture probes (three quick tests worth 1, 2 and 4 points, with short timeouts),
 * so that a whole batch takes seconds. One grader serves every test, as in a real batch.
 */
class BatchRunnerTest {
    @TempDir
    static Path workRoot;
    private static Grader grader;

    @TempDir
    Path temp;

    @BeforeAll
    static void startGrader() throws Exception {
        grader = new Grader(Submissions.config(workRoot).testJvms(1).build());
    }

    @AfterAll
    static void closeGrader() {
        grader.close();
    }

    private static BatchRunner.Outcome gradeAll(Path classFolder, Path out, boolean force) throws Exception {
        List<Submission> submissions = SubmissionDiscovery.discover(classFolder, out);
        BatchRunner runner = new BatchRunner(grader, Files.createDirectories(out), 2, force);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        BatchRunner.Outcome outcome = runner.run(submissions, new ProgressBar(quiet, false, submissions.size()));
        ClassReports.write(out, grader.plan(), outcome.records(), StudentSources.models(submissions, workRoot),
                Submissions.stub(), 0.8, new ClassReports.Extras(ScoreChanges.of(outcome), null));
        return outcome;
    }

    private static JsonObject json(Path file) throws Exception {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    @Test
    void aMixedBatchWithAHostileSubmissionGradesEverySubmissionOnItsOwn() throws Exception {
        ClassFolder root = new ClassFolder(temp.resolve("class"))
                .folder("correct", "student/src/main/java/batchnorm/Model.java", Submissions.solution())
                .zip("zipped", "Model.java", Submissions.solution())
                .folder("endless", "Model.java", Submissions.named("endless-loop"))
                .folder("broken", "Model.java", Submissions.named("compile-error"))
                .folder("empty", "README.txt", "I forgot my code");
        Path out = temp.resolve("out");

        BatchRunner.Outcome outcome = gradeAll(root.root(), out, false);

        assertTrue(outcome.complete(), "every submission has a result");
        assertEquals(7.0, json(out.resolve("correct.json")).get("score").getAsDouble(), "the solution earns all 7 probe points");
        assertEquals(7.0, json(out.resolve("zipped.json")).get("score").getAsDouble(), "a zip is graded like a folder");
        assertEquals(5.0, json(out.resolve("endless.json")).get("score").getAsDouble(),
                "the endless loop costs probe two (2 points) only");
        assertTrue(json(out.resolve("endless.json")).toString().contains("timed out"), "the JSON says the probe timed out");
        assertEquals(0.0, json(out.resolve("broken.json")).get("score").getAsDouble(), "a compile error scores 0");
        assertTrue(json(out.resolve("broken.json")).get("output").getAsString().contains("does not compile"),
                "with the compiler's reason");
        assertTrue(json(out.resolve("empty.json")).get("output").getAsString().contains("No Model.java found"),
                "a submission without Model.java scores 0 with the reason");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void gradesCsvHasTheFixedColumnsThenOneColumnPerTestInRubricOrder() throws Exception {
        ClassFolder root = new ClassFolder(temp.resolve("class"))
                .folder("b-broken", "Model.java", Submissions.named("compile-error"))
                .folder("a-correct", "Model.java", Submissions.solution());
        Path out = temp.resolve("out");

        gradeAll(root.root(), out, false);

        List<String> lines = Files.readAllLines(out.resolve("grades.csv"));
        List<String> expectedHeader = new ArrayList<>(GradesCsv.FIXED_COLUMNS);
        grader.plan().forEach(test -> expectedHeader.add(test.id()));
        assertEquals(List.of("id", "name", "score", "max", "verdict", "ProbeTest#probeOne", "ProbeTest#probeThree",
                "ProbeTest#probeTwo"), expectedHeader, "the probes in the plan's order (class, then method name)");
        assertEquals(String.join(",", expectedHeader), lines.get(0), "header row");
        assertEquals("a-correct,,7,7,GRADED,1,4,2", lines.get(1), "rows sorted by id, points per test");
        assertEquals("b-broken,,0,7,COMPILE_ERROR,0,0,0", lines.get(2), "a compile error earns nothing");
    }

    @Test
    void theSummaryAgreesWithTheIndividualJsons() throws Exception {
        ClassFolder root = new ClassFolder(temp.resolve("class"))
                .folder("one", "Model.java", Submissions.solution())
                .folder("two", "Model.java", Submissions.named("endless-loop"))
                .folder("three", "Model.java", Submissions.named("compile-error"));
        Path out = temp.resolve("out");

        gradeAll(root.root(), out, false);

        double[] scores = new double[3];
        int[] passedPerTest = new int[grader.plan().size()];
        List<String> ids = List.of("one", "two", "three");
        for (int i = 0; i < ids.size(); i++) {
            JsonObject result = json(out.resolve(ids.get(i) + ".json"));
            scores[i] = result.get("score").getAsDouble();
            // the scored tests, in rubric order (the status-only pre-check before them has no max_score)
            List<JsonElement> tests = result.getAsJsonArray("tests").asList().stream()
                    .filter(test -> test.getAsJsonObject().has("max_score")).toList();
            for (int t = 0; t < tests.size(); t++) {
                if (tests.get(t).getAsJsonObject().get("status").getAsString().equals("passed")) {
                    passedPerTest[t]++;
                }
            }
        }
        Arrays.sort(scores);
        JsonObject summary = json(out.resolve("summary.json"));
        assertEquals(3, summary.get("count").getAsInt(), "count");
        assertEquals(Arrays.stream(scores).sum() / 3, summary.get("mean").getAsDouble(), 1e-3, "mean of the JSONs' scores");
        assertEquals(scores[1], summary.get("median").getAsDouble(), 1e-9, "median of the JSONs' scores");
        int binned = 0;
        for (JsonElement bin : summary.getAsJsonArray("histogram")) {
            binned += bin.getAsJsonObject().get("count").getAsInt();
        }
        assertEquals(3, binned, "every submission is in one histogram bin");
        JsonArray rates = summary.getAsJsonArray("pass_rates");
        List<PlannedTest> plan = grader.plan();
        for (int t = 0; t < plan.size(); t++) {
            JsonObject rate = rates.get(t).getAsJsonObject();
            assertEquals(plan.get(t).id(), rate.get("id").getAsString(), "pass rates in rubric order");
            assertEquals(passedPerTest[t], rate.get("passed").getAsInt(), "passed count of " + plan.get(t).id());
        }
        JsonObject topHint = summary.getAsJsonArray("top_hints").get(0).getAsJsonObject();
        assertEquals("ProbeTest#probeTwo", topHint.get("test_id").getAsString(), "the timed-out probe's hint is the only one");
        assertEquals(1, topHint.get("students").getAsInt(), "one submission ran probe two and missed it");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg"), "the report draws its charts inline");
        assertTrue(!html.contains("<script") && !html.contains("<link") && !html.contains("src="),
                "the report fetches nothing: no script, stylesheet link or image source");
        assertTrue(html.contains("not a verdict"), "the report says similarity is evidence, not a verdict");
    }

    @Test
    void aSecondRunKeepsUnchangedSubmissionsAndGradesChangedOnesOrAllWithForce() throws Exception {
        ClassFolder root = new ClassFolder(temp.resolve("class"))
                .folder("steady", "Model.java", Submissions.solution())
                .folder("fixer", "Model.java", Submissions.named("compile-error"));
        Path out = temp.resolve("out");
        BatchRunner.Outcome first = gradeAll(root.root(), out, false);
        assertEquals(2, first.graded(), "the first run grades both");

        BatchRunner.Outcome second = gradeAll(root.root(), out, false);
        assertEquals(List.of(2, 0), List.of(second.kept(), second.graded()), "nothing changed: both kept");
        assertEquals(0.0, second.records().get(0).score(), "fixer's kept record still says 0 (sorted first)");

        root.folder("fixer", "Model.java", Submissions.solution());
        BatchRunner.Outcome third = gradeAll(root.root(), out, false);
        assertEquals(List.of(1, 1), List.of(third.kept(), third.graded()), "only the changed submission is graded");
        assertEquals(7.0, json(out.resolve("fixer.json")).get("score").getAsDouble(), "its JSON has the new score");

        BatchRunner.Outcome forced = gradeAll(root.root(), out, true);
        assertEquals(List.of(0, 2), List.of(forced.kept(), forced.graded()), "--force grades both again");
    }

    @Test
    void aSecondRunListsEachChangedScoreWithTheTestsThatChangedInChangesCsv() throws Exception {
        ClassFolder root = new ClassFolder(temp.resolve("class"))
                .folder("steady", "Model.java", Submissions.solution())
                .folder("fixer", "Model.java", Submissions.named("compile-error"))
                .folder("slipper", "Model.java", Submissions.solution());
        Path out = temp.resolve("out");
        gradeAll(root.root(), out, false);
        assertTrue(Files.notExists(out.resolve(ScoreChanges.FILE_NAME)), "a first run has nothing to compare with");

        root.folder("fixer", "Model.java", Submissions.solution()).folder("slipper", "Model.java", Submissions.named("endless-loop"));
        gradeAll(root.root(), out, false);

        List<String> lines = Files.readAllLines(out.resolve(ScoreChanges.FILE_NAME));
        assertEquals(List.of("id,name,old_score,new_score,changed_tests,cause",
                "fixer,,0,7,ProbeTest#probeOne: not run -> passed; ProbeTest#probeThree: not run -> passed; "
                        + "ProbeTest#probeTwo: not run -> passed,submission changed",
                "slipper,,7,5,ProbeTest#probeTwo: passed -> timed out,submission changed"), lines,
                "the two changed submissions, sorted by id; steady is unchanged and not listed");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Changed since the last run") && html.contains("<td>slipper</td>"),
                "the report has the section, with the changed submission");
    }
}
