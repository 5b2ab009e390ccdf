package kit.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerSheetTest {
    @Test
    void answersBecomePlaceholdersAndQuestionsStay() {
        List<String> questions = AnswerSheet.questionsOnly("ANSWERS.md", List.of(
                "## Exercise 1", "Why?", AnswerSheet.BEGIN, "Because.", "More because.", AnswerSheet.END, "## Exercise 2"));
        assertEquals(List.of("## Exercise 1", "Why?", AnswerSheet.PLACEHOLDER, "## Exercise 2"), questions);
    }

    @Test
    void anAnswerNeverClosedIsAnErrorNamingItsLine() {
        StubSyntaxException error = assertThrows(StubSyntaxException.class,
                () -> AnswerSheet.questionsOnly("ANSWERS.md", List.of("Why?", AnswerSheet.BEGIN, "Because.")));
        assertEquals("ANSWERS.md:2: BEGIN ANSWER is never closed by an END ANSWER", error.getMessage());
    }

    @Test
    void anEndWithoutBeginIsAnError() {
        StubSyntaxException error = assertThrows(StubSyntaxException.class,
                () -> AnswerSheet.questionsOnly("ANSWERS.md", List.of("Why?", AnswerSheet.END)));
        assertEquals("ANSWERS.md:2: END ANSWER without a BEGIN ANSWER before it", error.getMessage());
    }
}
