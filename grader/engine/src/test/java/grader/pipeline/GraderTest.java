package grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.fixture.Submissions;
import grader.json.ReportFormat;
import grader.report.GradeReport;
import grader.report.TestStatus;
import grader.report.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pipeline on well-behaved, broken and forbidden submissions, with the fixture probes as hidden tests. */
class GraderTest {
    @TempDir
    static Path workRoot;
    private static Grader grader;

    @BeforeAll
    static void startGrader() throws Exception {
        grader = new Grader(Submissions.config(workRoot).build());
    }

    @AfterAll
    static void closeGrader() {
        grader.close();
    }

    @Test
    void theSolutionGetsFullMarks() throws Exception {
        GradeReport report = grader.gradeSource(Submissions.solution());
        assertTrue(report.fullMarks(), () -> "outcomes: " + report.outcomes());
        assertEquals(7.0, report.score());
    }

    @Test
    void theStubGetsZeroWithTheStubsMessage() throws Exception {
        GradeReport report = grader.gradeSource(Submissions.stub());
        assertEquals(Verdict.GRADED, report.verdict(), () -> "problems: " + report.problems());
        assertEquals(0.0, report.score());
        assertTrue(report.outcomes().get(0).message().contains("not implemented yet"),
                () -> "the stub's exception should reach the student: " + report.outcomes().get(0).message());
    }

    @Test
    void aCompileErrorScoresZeroWithTheCompilersMessage() throws Exception {
        GradeReport report = grader.gradeSource(Submissions.named("compile-error"));
        assertEquals(Verdict.COMPILE_ERROR, report.verdict());
        assertEquals(0.0, report.score());
        assertTrue(report.problems().get(0).startsWith("Model.java:9: error: ';' expected"),
                () -> "problems: " + report.problems());
        assertTrue(report.outcomes().stream().allMatch(o -> o.status() == TestStatus.NOT_RUN));
        assertEquals(7.0, report.maxScore(), "the plan is known even when nothing compiles");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            System.exit                 | System.exit(1);                                              | System.exit
            Runtime                     | Runtime.getRuntime().gc();                                   | Runtime
            ProcessBuilder              | new ProcessBuilder("sh");                                    | ProcessBuilder
            Class.forName               | try { Class.forName("x"); } catch (Exception e) { }          | Class.forName
            setAccessible               | java.lang.reflect.Field f = null; f.setAccessible(true);     | reflection
            getDeclaredMethods          | getClass().getDeclaredMethods();                             | Class.getDeclaredMethods
            Thread                      | new Thread(() -> { }).start();                               | Thread
            executor                    | java.util.concurrent.Executors.newSingleThreadExecutor();    | java.util.concurrent
            parallel stream             | java.util.List.of(1).parallelStream().count();               | parallelStream
            File                        | new java.io.File("x").delete();                              | java.io.File
            FileOutputStream            | try { new java.io.FileOutputStream("x"); } catch (Exception e) { } | java.io.FileOutputStream
            java.nio.file               | java.nio.file.Path.of("x");                                  | java.nio.file.Path
            java.net                    | try { new java.net.Socket("localhost", 1); } catch (Exception e) { } | java.net.Socket
            class loader                | ClassLoader.getSystemClassLoader();                          | ClassLoader
            Unsafe                      | Object u = sun.misc.Unsafe.class;                            | sun.misc.Unsafe
            System.setOut               | System.setOut(System.err);                                   | System.setOut
            System.setProperty          | System.setProperty("a", "b");                                | System.setProperty
            PrintStream to a file       | try { new java.io.PrintStream("x"); } catch (Exception e) { } | java.io.PrintStream.<init>
            class resources             | getClass().getResourceAsStream("x");                         | Class.getResourceAsStream
            zip files                   | try { new java.util.zip.ZipFile("x"); } catch (Exception e) { } | java.util.zip.ZipFile
            logging                     | java.util.logging.Logger.getLogger("x").info("y");           | java.util.logging.Logger
            weak references             | new java.lang.ref.WeakReference<>(this);                     | java.lang.ref.WeakReference
            """)
    void eachForbiddenApiScoresZeroWithTheLineAndTheReason(String api, String code, String reported) throws Exception {
        GradeReport report = grader.gradeSource(Submissions.modelRunning(code));
        assertEquals(Verdict.FORBIDDEN_API, report.verdict(), () -> api + ": " + report.problems());
        assertEquals(0.0, report.score());
        assertTrue(report.problems().stream().anyMatch(p -> p.startsWith("Model.java:15: ") && p.contains(reported)),
                () -> api + " should be reported on line 15 as " + reported + ": " + report.problems());
    }

    @Test
    void aNativeMethodIsForbidden() throws Exception {
        String source = Submissions.modelRunning("").replace("public Node forward", "native void escape();\n    public Node forward");
        GradeReport report = grader.gradeSource(source);
        assertEquals(Verdict.FORBIDDEN_API, report.verdict());
        assertTrue(report.problems().get(0).contains("native method escape"), () -> "problems: " + report.problems());
    }

    @Test
    void aModelInAnotherPackageIsForbidden() throws Exception {
        GradeReport report = grader.gradeSource(Submissions.modelRunning("").replace("package batchnorm;", "package grader.runner;"));
        assertEquals(Verdict.FORBIDDEN_API, report.verdict());
        assertTrue(report.problems().get(0).contains("must declare package batchnorm"), () -> "problems: " + report.problems());
    }

    @Test
    void allowedCodeThatMentionsSystemPassesTheStaticCheck() throws Exception {
        GradeReport report = grader.gradeSource(Submissions.modelRunning(
                "System.out.println(Math.max(1, 2)); java.util.List<Integer> list = new java.util.ArrayList<>();"));
        assertEquals(Verdict.GRADED, report.verdict(), () -> "problems: " + report.problems());
        assertEquals(7.0, report.score());
    }

    @Test
    void anEmptySubmissionIsRefusedWithAReason(@TempDir Path empty) throws Exception {
        GradeReport report = grader.grade(empty);
        assertEquals(Verdict.REFUSED, report.verdict());
        assertTrue(report.problems().get(0).startsWith("No Model.java found"), () -> "problems: " + report.problems());
        assertEquals(0.0, report.score());
    }

    @Test
    void aWholeKitCopyIsGradedFromItsStudentFolder(@TempDir Path kit) throws Exception {
        write(kit.resolve("student/src/main/java/batchnorm/Model.java"), Submissions.solution());
        write(kit.resolve("student/src/main/java/batchnorm/Layer.java"), "package batchnorm; public interface Layer { }");
        write(kit.resolve("autodiff/src/main/java/autodiff/Matrix.java"), "package autodiff; class Matrix { }");
        write(kit.resolve("student/target/classes/batchnorm/Model.java"), "ignored: build output");
        GradeReport report = grader.grade(kit);
        assertTrue(report.fullMarks(), () -> "the student's Model with the kit's own Layer: " + report.problems()
                + report.outcomes());
    }

    @Test
    void bareSourceFilesAreGraded(@TempDir Path folder) throws Exception {
        write(folder.resolve("Model.java"), Submissions.solution());
        assertTrue(grader.grade(folder).fullMarks());
    }

    @Test
    void aSubmissionBringingAutodiffClassesIsRefused(@TempDir Path folder) throws Exception {
        write(folder.resolve("Model.java"), Submissions.solution());
        write(folder.resolve("Matrix.java"), "package autodiff;\npublic final class Matrix { }");
        GradeReport report = grader.grade(folder);
        assertEquals(Verdict.REFUSED, report.verdict());
        assertTrue(report.problems().get(0).contains("Matrix.java declares package autodiff"),
                () -> "problems: " + report.problems());
    }

    @Test
    void twoCandidateModelsOutsideAStudentFolderAreRefusedAsAmbiguous(@TempDir Path folder) throws Exception {
        write(folder.resolve("a/Model.java"), Submissions.solution());
        write(folder.resolve("b/Model.java"), Submissions.solution());
        GradeReport report = grader.grade(folder);
        assertEquals(Verdict.REFUSED, report.verdict());
        assertTrue(report.problems().get(0).startsWith("Found 2 files named Model.java"), () -> "" + report.problems());
    }

    @Test
    void aZipOfAStudentFolderIsGraded(@TempDir Path folder) throws Exception {
        Path zip = zip(folder.resolve("submission.zip"), "student/src/main/java/batchnorm/Model.java", Submissions.solution());
        GradeReport report = grader.grade(zip);
        assertTrue(report.fullMarks(), () -> report.problems() + " " + report.outcomes());
    }

    @Test
    void aZipWithDotDotEntriesIsRefusedAndWritesNothingOutside(@TempDir Path folder) throws Exception {
        Path zip = zip(folder.resolve("evil.zip"), "../../escaped/Model.java", Submissions.solution());
        GradeReport report = grader.grade(zip);
        assertEquals(Verdict.REFUSED, report.verdict());
        assertTrue(report.problems().get(0).contains("points outside the folder"), () -> "" + report.problems());
        try (var everything = Files.walk(workRoot)) {
            assertTrue(everything.noneMatch(p -> p.toString().contains("escaped")), "nothing may be unpacked");
        }
        assertTrue(Files.notExists(workRoot.getParent().resolve("escaped")), "nothing may escape the scratch folder");
    }

    @Test
    void testsSplitOverTwoJvmsGiveTheSameResults() throws Exception {
        try (Grader twoJvms = new Grader(Submissions.config(workRoot).testJvms(2).build())) {
            GradeReport report = twoJvms.gradeSource(Submissions.named("stack-overflow"));
            assertEquals(List.of(TestStatus.PASSED, TestStatus.PASSED, TestStatus.CRASHED),
                    report.outcomes().stream().map(o -> o.status()).toList(), () -> "" + report.outcomes());
            assertEquals(5.0, report.score());
        }
    }

    @Test
    void theSameSubmissionGivesTheSameBytes() throws Exception {
        String source = Submissions.named("stack-overflow");
        for (ReportFormat format : new ReportFormat[] {ReportFormat.GRADESCOPE, ReportFormat.PRAIRIELEARN}) {
            assertEquals(format.render(grader.gradeSource(source), false), format.render(grader.gradeSource(source), false),
                    format + " output must not depend on the run");
        }
    }

    @Test
    void scratchFoldersAreRemovedAfterEachGrade() throws Exception {
        grader.gradeSource(Submissions.solution());
        try (var grades = Files.list(workRoot)) {
            for (Path graderScratch : grades.toList()) {
                try (var left = Files.list(graderScratch)) {
                    assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("submission-")),
                            "no submission scratch folder may stay behind in " + graderScratch);
                }
            }
        }
    }

    private static Path zip(Path zip, String entry, String text) throws Exception {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
