package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --canvas}: a Canvas export in, the same export with one column filled out, with awkward CSV on the way. */
class CanvasImportTest {
    /** As Canvas writes it: a byte-order mark, names "Last, First", a Points Possible row, read-only totals. */
    private static final String EXPORT = "\uFEFFStudent,ID,SIS User ID,SIS Login ID,Section,Batch norm (4711),"
            + "\"Quiz 1, part \"\"A\"\" (4712)\",Current Score,Unposted Current Score,Final Score\r\n"
            + "    Points Possible,,,,,50,10,(read only),(read only),(read only)\r\n"
            + "\"Lovelace, Ada\",101,S001,ada,\"Section 1, Mon\",,8,80,80,72\r\n"
            + "\"O'Brien, \"\"Bobby\"\"\",102,S002,bobby@uni.edu,Section 2,12,,,,\r\n"
            + "\"Turing, Alan\",103,S003,aturing,Section 1,,,,,\r\n"
            + "\"Student, Test\",999,,,Section 1,,,,,\r\n";

    @TempDir
    Path out;

    private static BatchRecord record(String id, double score) {
        return new BatchRecord(id, "", "FOLDER", "source", "grader", "GRADED", score, 100, 1.0, List.of(), List.of());
    }

    /** Ada by her Gradescope e-mail, Bobby by his Classroom login, Alan by his student id, and one stranger. */
    private static final List<Submission> SUBMISSIONS = List.of(
            new Submission("submission_1", "Ada Lovelace", Path.of("submission_1"), Submission.Layout.GRADESCOPE,
                    List.of("ada@uni.edu"), List.of("1815")),
            new Submission("batchnorm-bobby", "bobby", Path.of("batchnorm-bobby"), Submission.Layout.CLASSROOM,
                    List.of("bobby"), List.of()),
            new Submission("submission_2", "Alan Turing", Path.of("submission_2"), Submission.Layout.GRADESCOPE,
                    List.of("alan@elsewhere.org"), List.of("S003")),
            new Submission("zed", "", Path.of("zed"), Submission.Layout.FOLDER));
    private static final List<BatchRecord> RECORDS = List.of(record("batchnorm-bobby", 55), record("submission_1", 92.5),
            record("submission_2", 100), record("zed", 40));

    private List<List<String>> written() throws Exception {
        String text = Files.readString(out.resolve(CanvasImport.FILE_NAME), StandardCharsets.UTF_8);
        assertTrue(text.startsWith(Csv.BYTE_ORDER_MARK + "Student,ID,"), "the byte-order mark and header stay first");
        return Csv.parse(text);
    }

    @Test
    void theFirstAssignmentColumnIsFilledForEveryMatchedStudentAndNothingElseChanges() throws Exception {
        CanvasGradebook gradebook = CanvasGradebook.parse(EXPORT, null);

        CanvasImport.Report report = CanvasImport.fill(gradebook, SUBMISSIONS, RECORDS, 100, out);

        List<List<String>> before = Csv.parse(EXPORT);
        List<List<String>> after = written();
        assertEquals("Batch norm (4711)", report.column(), "the first assignment column, not a read-only total");
        assertEquals(0.5, report.scale(), "50 points in Canvas for 100 in the grader");
        assertEquals(before.subList(0, 2), after.subList(0, 2), "header and Points Possible row unchanged");
        assertEquals(List.of("Lovelace, Ada", "46.25", "8"), List.of(after.get(2).get(0), after.get(2).get(5), after.get(2).get(6)),
                "Ada matched by e-mail before the @: 92.5 of 100 is 46.25 of 50; her quiz untouched");
        assertEquals("27.5", after.get(3).get(5), "Bobby's old 12 replaced: his login is his SIS Login ID before the @");
        assertEquals("50", after.get(4).get(5), "Alan matched by his student id as SIS User ID");
        assertEquals(before.get(5), after.get(5), "the test student's row is left as it was");
        for (int row = 2; row < before.size(); row++) {
            List<String> expected = new java.util.ArrayList<>(before.get(row));
            expected.set(5, after.get(row).get(5));
            assertEquals(expected, after.get(row), "only column 6 may change in row " + (row + 1));
        }
        assertEquals(3, report.filled(), "three cells filled");
        assertEquals(List.of("zed"), report.unmatched().stream().map(CanvasMatcher.Unmatched::id).toList(), "zed has no student");
        assertEquals(List.of("Student, Test"), report.withoutSubmission().stream().map(CanvasGradebook.Student::name).toList(),
                "the test student has no submission");
    }

    @Test
    void aColumnNamedWithoutItsIdIsFilledAtItsOwnScale() throws Exception {
        CanvasGradebook gradebook = CanvasGradebook.parse(EXPORT, "quiz 1, part \"a\"");

        CanvasImport.Report report = CanvasImport.fill(gradebook, SUBMISSIONS, RECORDS, 100, out);

        assertEquals("Quiz 1, part \"A\" (4712)", report.column(), "matched without the id suffix, ignoring case");
        assertEquals("9.25", written().get(2).get(6), "92.5 of 100 is 9.25 of 10");
        assertEquals("", written().get(2).get(5), "the other assignment is untouched");
    }

    @Test
    void anExactSisLoginIdWinsOverAMatchBeforeTheAt() throws Exception {
        String export = "Student,ID,SIS User ID,SIS Login ID,Section,Lab (1)\r\nAnn One,1,,ann@uni.edu,S,\r\nAnn Two,2,,ann,S,\r\n";
        List<Submission> submissions = List.of(
                new Submission("a", "", Path.of("a"), Submission.Layout.GRADESCOPE, List.of("ann@uni.edu"), List.of()),
                new Submission("b", "", Path.of("b"), Submission.Layout.CLASSROOM, List.of("ann"), List.of()));

        CanvasImport.fill(CanvasGradebook.parse(export, null), submissions, List.of(record("a", 10), record("b", 20)), 100, out);

        List<List<String>> after = Csv.parse(Files.readString(out.resolve(CanvasImport.FILE_NAME), StandardCharsets.UTF_8));
        assertEquals(List.of("10", "20"), List.of(after.get(1).get(5), after.get(2).get(5)),
                "each Ann gets the submission whose login equals her SIS Login ID exactly");
    }

    @Test
    void anUnknownColumnIsRefusedWithTheAssignmentsThereAre() {
        CanvasGradebook.InvalidGradebookException thrown = assertThrows(CanvasGradebook.InvalidGradebookException.class,
                () -> CanvasGradebook.parse(EXPORT, "Homework 9"));

        assertEquals("no assignment column \"Homework 9\" in the export; its assignments are: Batch norm (4711), "
                + "Quiz 1, part \"A\" (4712)", thrown.getMessage());
    }

    @Test
    void aFileThatIsNotAGradebookExportIsRefused() {
        CanvasGradebook.InvalidGradebookException thrown = assertThrows(CanvasGradebook.InvalidGradebookException.class,
                () -> CanvasGradebook.parse("id,name,score\r\n1,Ada,3\r\n", null));

        assertTrue(thrown.getMessage().startsWith("this is not a Canvas gradebook export"), thrown.getMessage());
    }
}
