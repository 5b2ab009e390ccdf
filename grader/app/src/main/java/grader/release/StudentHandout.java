package grader.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * kit-student.zip: the Maven project students work in. The kit's root pom reduced to the
 * {@code autodiff} and {@code student} modules (same pinned versions), the autodiff sources and data,
 * the student stubs and self-checks, exercises.md, ANSWERS.md with the questions only, and the files
 * of {@code handout/} (README, GitHub Classroom workflow), and the kit's Maven Wrapper ({@code mvnw},
 * {@code mvnw.cmd}, {@code .mvn/wrapper/}), so a JDK is all a student needs. Everything is copied from the repository
 * into the grader jar at build time.
 */
public final class StudentHandout implements Release {
    static final String NAME = "student handout";
    static final String ROOT_POM = "pom.xml";
    /** Where the build bundles the student's copy of ANSWERS.md, and where the handout puts it. */
    static final String BUNDLED_ANSWERS = "student/ANSWERS.md";
    static final String ANSWERS = "ANSWERS.md";
    /** Stored without its dot: Maven's resource copy and the jar plugin both drop files named .gitignore. */
    static final String BUNDLED_GITIGNORE = "gitignore";
    static final String GITIGNORE = ".gitignore";
    static final String BUNDLED_GITATTRIBUTES = "gitattributes";
    static final String GITATTRIBUTES = ".gitattributes";

    /** Files without which a student could not build or start the exercise. */
    static final List<String> REQUIRED = List.of(
            ROOT_POM,
            "README.md",
            ANSWERS,
            "exercises.md",
            GITIGNORE,
            GITATTRIBUTES,
            "mvnw",
            "mvnw.cmd",
            ".mvn/wrapper/maven-wrapper.properties",
            ".github/workflows/classroom.yml",
            "autodiff/pom.xml",
            "autodiff/src/main/java/autodiff/Matrix.java",
            "autodiff/src/main/resources/autodiff/breast_cancer.csv",
            "student/pom.xml",
            "student/src/main/java/batchnorm/Model.java");

    /** Text that only the solution carries; a handout containing it would give the answers away. */
    static final List<String> SOLUTION_MARKERS = List.of("BEGIN SOLUTION", "END SOLUTION");

    private final BundledFiles bundled;

    public StudentHandout(BundledFiles bundled) {
        this.bundled = bundled;
    }

    @Override
    public List<ArchiveEntry> entries() throws IOException {
        List<ArchiveEntry> entries = new ArrayList<>();
        for (ArchiveEntry bundledEntry : bundled.under("handout")) {
            entries.add(placed(bundledEntry));
        }
        IncompleteReleaseException.requireAll(NAME, entries, REQUIRED);
        entries.forEach(StudentHandout::requireNoSolution);
        return entries;
    }

    private static ArchiveEntry placed(ArchiveEntry entry) {
        return switch (entry.path()) {
            case ROOT_POM -> new ArchiveEntry(ROOT_POM, HandoutPom.fromKitPom(entry.text()).getBytes(StandardCharsets.UTF_8));
            case BUNDLED_ANSWERS -> entry.movedTo(ANSWERS);
            case BUNDLED_GITIGNORE -> entry.movedTo(GITIGNORE);
            case BUNDLED_GITATTRIBUTES -> entry.movedTo(GITATTRIBUTES);
            default -> entry;
        };
    }

    private static void requireNoSolution(ArchiveEntry entry) {
        for (String marker : SOLUTION_MARKERS) {
            if (entry.text().contains(marker)) {
                throw new LeakingReleaseException("refusing to build the " + NAME + ": " + entry.path() + " contains '"
                        + marker + "'. Regenerate student/ from solution/ instead of editing it by hand.");
            }
        }
    }
}
