package grader.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.common.GraderConfig;
import grader.pipeline.Grader;
import grader.report.GradeReport;
import grader.report.Verdict;
import grader.submission.SourceText;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every correct variant in {@code src/test/resources/corpus} (ordinary Java, saved as editors save
 * them) gets full marks from the grader as shipped: hidden tests, static check and all.
 */
class CorrectVariantsTest {
    private static final String WINDOWS_1252 = "windows-1252-comment";

    @TempDir
    static Path workRoot;
    private static Grader grader;

    @BeforeAll
    static void startGrader() throws IOException {
        grader = new Grader(GraderConfig.builder().workRoot(workRoot).build());
    }

    @AfterAll
    static void closeGrader() {
        grader.close();
    }

    static Path corpus() throws URISyntaxException {
        return Path.of(CorrectVariantsTest.class.getResource("/corpus").toURI());
    }

    static List<String> variants() throws IOException, URISyntaxException {
        try (Stream<Path> folders = Files.list(corpus())) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theCorpusHasEveryVariantTheIssueNames() throws Exception {
        assertEquals(List.of("anonymous-class", "crlf", "helper-class", "local-class", "record-enum-generic",
                "utf16-notepad", "utf8-bom", WINDOWS_1252), variants());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void aCorrectVariantGetsFullMarks(String variant) throws Exception {
        GradeReport report = grader.grade(corpus().resolve(variant));
        assertEquals(Verdict.GRADED, report.verdict(), () -> variant + ": " + report.problems());
        assertTrue(report.fullMarks(), () -> variant + ": " + report.outcomes());
        assertEquals(report.maxScore(), report.score());
        List<String> notes = variant.equals(WINDOWS_1252)
                ? List.of(SourceText.decode("Model.java", new byte[] {(byte) 0xE9}).note()) : List.of();
        assertEquals(notes, report.notes(), "only a file that is not UTF-8 gets a note about its encoding");
    }
}
