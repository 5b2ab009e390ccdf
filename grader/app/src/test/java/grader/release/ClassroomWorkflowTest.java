package grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The handout's GitHub Classroom workflow, read as YAML and checked against what Classroom and the
 * actions it uses document: classroom-resources/autograding-command-grader (action.yml: a command that
 * compiles and tests; the action records pass or fail and never fails its step) and
 * autograding-grading-reporter (README: push, workflow_dispatch, actions: read, contents: read; it dropped
 * checks: write when it stopped writing check runs), the repository_dispatch trigger of Classroom's own
 * generated workflows, and actions/checkout and actions/setup-java v5 (v4 runs on the deprecated Node 20).
 */
class ClassroomWorkflowTest {
    private static final String COMMAND_GRADER = "classroom-resources/autograding-command-grader@v1";
    private static final String REPORTER = "classroom-resources/autograding-grading-reporter@v1";
    private Map<String, Object> workflow;
    private List<Map<String, Object>> steps;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void readTheWorkflow() throws IOException {
        String text = Files.readString(Kit.root().resolve("handout/.github/workflows/classroom.yml"));
        workflow = new Yaml().load(text);
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        assertEquals(1, jobs.size(), "one job: " + jobs.keySet());
        Map<String, Object> job = (Map<String, Object>) jobs.values().iterator().next();
        steps = (List<Map<String, Object>>) job.get("steps");
    }

    @Test
    void itRunsOnPushOnDemandAndWhenClassroomDispatchesIt() {
        // quoted "on": YAML 1.1 reads a bare on as the boolean true
        assertEquals(List.of("push", "workflow_dispatch", "repository_dispatch"), workflow.get("on"));
    }

    @Test
    void itAsksForReadAccessOnly() {
        assertEquals(Map.of("actions", "read", "contents", "read"), workflow.get("permissions"),
                "the reporter writes annotations, not check runs: no checks: write");
    }

    @Test
    void checkoutAndSetupJavaAreVersion5AndJavaIsTheKitsMinimum() {
        assertEquals("actions/checkout@v5", steps.get(0).get("uses"));
        assertEquals("actions/setup-java@v5", steps.get(1).get("uses"));
        @SuppressWarnings("unchecked")
        Map<String, Object> with = (Map<String, Object>) steps.get(1).get("with");
        assertEquals("17", String.valueOf(with.get("java-version")), "the kit's minimum JDK, as the enforcer rule says");
    }

    @Test
    void nothingBeforeTheGradersCanStopThemAndTheReporterAlwaysRuns() {
        for (Map<String, Object> step : steps) {
            assertFalse(step.containsKey("run"), "no shell step (a failing compile step stopped the graders): " + step);
            assertFalse(step.containsKey("if") || step.containsKey("continue-on-error"), "no step is conditional: " + step);
        }
        List<Object> actions = steps.stream().map(step -> step.get("uses")).toList();
        assertEquals(List.of("actions/checkout@v5", "actions/setup-java@v5", COMMAND_GRADER, COMMAND_GRADER, COMMAND_GRADER,
                REPORTER), actions, "set-up, then only graders (which never fail their step), then the reporter");
    }

    @Test
    void eachExerciseHasAGraderWhoseCommandCompilesAndRunsItsSelfChecksWithTheWrapper() {
        for (int exercise = 2; exercise <= 4; exercise++) {
            Map<String, Object> grader = steps.get(exercise);
            assertEquals("exercise-" + exercise, grader.get("id"));
            @SuppressWarnings("unchecked")
            Map<String, Object> with = (Map<String, Object>) grader.get("with");
            assertEquals("sh mvnw -B -ntp -q test -Dgroups=exercise" + exercise, with.get("command"),
                    "`test` compiles first, so code that does not compile fails this grader, not the job");
            assertTrue(String.valueOf(with.get("test-name")).startsWith("Exercise " + exercise + " "), with.toString());
        }
    }

    @Test
    void theReporterGetsEveryGradersResult() {
        List<String> graderIds = new ArrayList<>();
        Map<String, String> expectedEnvironment = new LinkedHashMap<>();
        for (Map<String, Object> step : steps) {
            if (COMMAND_GRADER.equals(step.get("uses"))) {
                String id = (String) step.get("id");
                graderIds.add(id);
                // the reporter's README: <ID in upper case>_RESULTS = the step's result output
                expectedEnvironment.put(id.toUpperCase(Locale.ROOT) + "_RESULTS", "${{ steps." + id + ".outputs.result }}");
            }
        }
        Map<String, Object> reporter = steps.get(steps.size() - 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> with = (Map<String, Object>) reporter.get("with");
        assertEquals(String.join(",", graderIds), with.get("runners"));
        assertEquals(expectedEnvironment, reporter.get("env"));
    }
}
