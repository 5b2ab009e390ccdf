package grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compile error shows the student's own line and a caret at the right place, however the file was saved. */
class CompileErrorsTest {
    @TempDir
    Path scratch;

    private List<String> errors(String source) throws Exception {
        return new SourceCompiler(scratch).compile(Map.of("Model.java", source), "Model.java", scratch.resolve("classes"),
                true).messages();
    }

    @Test
    void theCaretIsUnderTheErrorInTabIndentedCode() throws Exception {
        List<String> errors = errors("package batchnorm;\r\nclass Model {\r\n\tint f() {\r\n\t\treturn missing;\r\n\t}\r\n}\r\n");
        assertEquals("Model.java:4: error: cannot find symbol\n  symbol:   variable missing\n  location: class batchnorm.Model\n"
                + "\t\treturn missing;\n\t\t       ^", errors.get(0));
    }

    @Test
    void aFileWithOldMacLineEndingsShowsTheRightLine() throws Exception {
        List<String> errors = errors("package batchnorm;\rclass Model {\r    int f() {\r        return missing;\r    }\r}\r");
        assertEquals("Model.java:4: error: cannot find symbol\n  symbol:   variable missing\n  location: class batchnorm.Model\n"
                + "        return missing;\n               ^", errors.get(0));
    }

    @Test
    void aCaretPastATabStopKeepsTheTab() {
        assertEquals("  \t ^", SourceCompiler.caretUnder("ab\tcd", 10), "a, b, the tab to column 9, c");
        assertEquals("^", SourceCompiler.caretUnder("x", 1));
    }
}
