package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grader.cli.GraderCli;
import grader.command.ExitCode;
import grader.fixture.Submissions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade --child-user} as Gradescope's run_autograder uses it: the grader runs as root, the test JVM as
 * an unprivileged user (made for this test, so root only), with and without the sandbox, and the solution
 * still gets full marks.
 */
class ChildUserCommandTest {
    private static ThrowawayUser user;

    @TempDir
    Path folder;

    @BeforeAll
    static void makeUser() throws Exception {
        if (ThrowawayUser.canCreate()) {
            user = ThrowawayUser.create();
        }
    }

    @AfterAll
    static void removeUser() throws Exception {
        if (user != null) {
            user.close();
        }
    }

    @ParameterizedTest(name = "--sandbox {0}")
    @CsvSource({"required, 'bubblewrap, as user '", "off, 'off (--sandbox off), as user '"})
    void theSolutionGetsFullMarksWithTheTestJvmRunningAsTheChildUser(String sandbox, String isolation) throws Exception {
        assumeTrue(user != null, "only root can make a throwaway user to run the test JVM as");
        if (sandbox.equals("required")) {
            assumeTrue(Sandbox.probe(Optional.of(user.name)).works(), "bubblewrap does not work here for " + user.name);
        }
        Path submission = Files.createDirectories(folder.resolve("submission"));
        Files.writeString(submission.resolve("Model.java"), Submissions.solution());
        Path results = folder.resolve("results.json");
        StringWriter err = new StringWriter();
        int exit = GraderCli.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter(), true))
                .execute("grade", submission.toString(), "--out", results.toString(), "--sandbox", sandbox,
                        "--child-user", user.name);
        assertEquals(ExitCode.OK, exit, err.toString());
        JsonObject json = JsonParser.parseString(Files.readString(results)).getAsJsonObject();
        assertEquals(100.0, json.get("score").getAsDouble(), json.toString());
        assertEquals(isolation + user.name, json.getAsJsonObject("extra_data").get("sandbox").getAsString());
    }
}
