package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import grader.batch.GradescopeMetadata.Submitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gradescope's export metadata, read as YAML: names come out as the students wrote them. */
class GradescopeMetadataTest {
    @TempDir
    Path folder;

    private Map<String, List<Submitter>> read(String yaml) throws Exception {
        Path file = Files.writeString(folder.resolve(GradescopeMetadata.FILE_NAME), yaml);
        return GradescopeMetadata.read(file);
    }

    @Test
    void quotedAndEscapedNamesKeepTheirQuotesAndLetters() throws Exception {
        Map<String, List<Submitter>> read = read("""
                submission_1:
                  :submitters:
                  - :name: 'Siobhán O''Brien'
                    :sid: '007'
                    :email: siobhan@example.edu
                  - :name: "Zoë \\"Z\\" Ng"
                    :sid: 1815
                    :email: "zoe@example.edu"
                  :created_at: 2024-03-01 10:00:00.000000000 -08:00
                  :score: 9.5
                "submission_2":
                  :submitters:
                  - :name: Ada Lovelace # a comment
                    :email: ada@example.edu
                """);
        assertEquals(Map.of(
                "submission_1", List.of(new Submitter("Siobhán O'Brien", "007", "siobhan@example.edu"),
                        new Submitter("Zoë \"Z\" Ng", "1815", "zoe@example.edu")),
                "submission_2", List.of(new Submitter("Ada Lovelace", "", "ada@example.edu"))), read);
    }

    @Test
    void rubyTagsAreReadAsPlainData() throws Exception {
        Map<String, List<Submitter>> read = read("""
                submission_3: !ruby/hash:ActiveSupport::HashWithIndifferentAccess
                  :submitters:
                  - !ruby/object:Submitter
                    :name: Grace Hopper
                  :score: !ruby/object:BigDecimal 18:0.95e1
                """);
        assertEquals(Map.of("submission_3", List.of(new Submitter("Grace Hopper", "", ""))), read);
    }

    @Test
    void gradeAllStopsWithBadUsageWhenTheMetadataIsNotYaml() throws Exception {
        Path export = Files.createDirectories(folder.resolve("export"));
        Files.createDirectories(export.resolve("submission_1"));
        Files.writeString(export.resolve(GradescopeMetadata.FILE_NAME), "submission_1: [unclosed\n");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = grader.cli.GraderCli.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
        int exit = cli.execute("grade-all", export.toString(), "--out", folder.resolve("out").toString());
        assertEquals(grader.command.ExitCode.UNUSABLE, exit, err::toString);
        assertEquals(true, err.toString().startsWith("grade-all: " + export.resolve(GradescopeMetadata.FILE_NAME)
                + " is not valid YAML ("), err::toString);
    }

    @Test
    void aFileThatIsNotYamlIsRefusedWithWhatToDo() {
        GradescopeMetadata.UnreadableMetadata refused = assertThrows(GradescopeMetadata.UnreadableMetadata.class,
                () -> read("submission_1:\n  :submitters:\n  - :name: \"unterminated\n"));
        assertEquals(true, refused.getMessage().endsWith("; fix it, or move it away to grade without the students' names."),
                refused.getMessage());
        assertEquals(true, refused.getMessage().startsWith(folder.resolve(GradescopeMetadata.FILE_NAME)
                + " is not valid YAML ("), refused.getMessage());
    }
}
