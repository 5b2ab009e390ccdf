package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionDiscoveryTest {
    private static final String MODEL = "package batchnorm;\npublic final class Model { }\n";

    @TempDir
    Path temp;

    @Test
    void plainFoldersAndZipsAreSubmissionsNamedAfterThemInSortedOrder() throws Exception {
        ClassFolder root = new ClassFolder(temp.resolve("class")).folder("zoe", "Model.java", MODEL)
                .zip("adam", "student/src/main/java/batchnorm/Model.java", MODEL).file("roster.csv", "id\n")
                .folder(".hidden", "Model.java", MODEL);

        List<Submission> found = SubmissionDiscovery.discover(root.root(), null);

        assertEquals(List.of("adam:ZIP", "zoe:FOLDER"), found.stream().map(s -> s.id() + ":" + s.layout()).toList(),
                "one submission per subfolder or zip; other files and hidden folders are skipped");
    }

    @Test
    void theOutputFolderInsideTheClassFolderIsNotASubmission() throws Exception {
        ClassFolder root = new ClassFolder(temp.resolve("class")).folder("ann", "Model.java", MODEL)
                .folder("results", "ann.json", "{}");

        List<Submission> found = SubmissionDiscovery.discover(root.root(), root.root().resolve("results"));

        assertEquals(List.of("ann"), found.stream().map(Submission::id).toList(), "the --out folder is skipped");
    }

    @Test
    void aGradescopeExportGivesEachSubmissionItsSubmittersNames() throws Exception {
        ClassFolder root = new ClassFolder(temp.resolve("export"))
                .folder("submission_101", "Model.java", MODEL).folder("submission_102", "Model.java", MODEL)
                .file(GradescopeMetadata.FILE_NAME, """
                        submission_101:
                          :submitters:
                          - :name: Ada Lovelace
                            :sid: '1815'
                            :email: ada@example.edu
                          :created_at: 2024-03-01 10:00:00.000000000 -08:00
                          :score: 0.0
                        submission_102:
                          :submitters:
                          - :name: Alan Turing
                            :sid: '1912'
                            :email: alan@example.edu
                          - :name: Grace Hopper
                            :sid: '1906'
                            :email: grace@example.edu
                          :created_at: 2024-03-01 11:00:00.000000000 -08:00
                        """);

        List<Submission> found = SubmissionDiscovery.discover(root.root(), null);

        assertEquals(List.of("submission_101=Ada Lovelace:GRADESCOPE", "submission_102=Alan Turing & Grace Hopper:GRADESCOPE"),
                found.stream().map(s -> s.id() + "=" + s.name() + ":" + s.layout()).toList(),
                "the metadata's submitters name each folder; a group lists every member");
        assertEquals(List.of("alan@example.edu", "grace@example.edu"), found.get(1).logins(),
                "each submitter's e-mail is kept, for matching with a gradebook");
        assertEquals(List.of("1912", "1906"), found.get(1).studentIds(), "and each student id");
    }

    @Test
    void githubClassroomClonesGiveTheLoginAfterTheAssignmentPrefix() throws Exception {
        ClassFolder root = new ClassFolder(temp.resolve("classroom"))
                .clone("batch-norm-ada-l", null, MODEL).clone("batch-norm-bob", null, MODEL);

        List<Submission> found = SubmissionDiscovery.discover(root.root(), null);

        assertEquals(List.of("batch-norm-ada-l=ada-l:CLASSROOM", "batch-norm-bob=bob:CLASSROOM"),
                found.stream().map(s -> s.id() + "=" + s.name() + ":" + s.layout()).toList(),
                "the common prefix 'batch-norm-' is the assignment; the rest is the login, hyphens included");
    }

    @Test
    void aLoneCloneTakesItsLoginFromTheOriginRemote() throws Exception {
        ClassFolder root = new ClassFolder(temp.resolve("classroom"))
                .clone("my-copy", "https://github.com/course-org/batchnorm-carol.git", MODEL);

        List<Submission> found = SubmissionDiscovery.discover(root.root(), null);

        assertEquals("carol", found.get(0).name(), "login from the origin's repository name batchnorm-carol");
    }

    @Test
    void namesThatAreNotSafeFileNamesGetSafeUniqueIds() throws Exception {
        ClassFolder root = new ClassFolder(temp.resolve("class")).folder("Jo Smith", "Model.java", MODEL)
                .folder("Jo_Smith", "Model.java", MODEL);

        List<Submission> found = SubmissionDiscovery.discover(root.root(), null);

        assertEquals(List.of("Jo_Smith", "Jo_Smith-2"), found.stream().map(Submission::id).toList(),
                "ids are file-name safe and unique");
    }
}
