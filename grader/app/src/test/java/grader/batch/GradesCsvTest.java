package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cells a spreadsheet opens as text, whatever a student typed into their name. */
class GradesCsvTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a plain name         | Ada Lovelace      | Ada Lovelace
            a comma              | Hopper, Grace     | `"Hopper, Grace"`
            a quote              | Zoë "Z" Ng        | `"Zoë ""Z"" Ng"`
            a formula            | =HYPERLINK("x")   | `"'=HYPERLINK(""x"")"`
            a plus               | +1 555            | '+1 555
            a minus              | -2+3              | '-2+3
            an at sign           | @SUM(A1)          | '@SUM(A1)
            a negative number    | -1.5              | -1.5
            """)
    void cellsAreQuotedAndDefused(String what, String cell, String written) {
        assertEquals(written, GradesCsv.quoted(cell), what);
    }

    @org.junit.jupiter.api.Test
    void controlCharactersAreQuotedOrDefused() {
        assertEquals("\"a\rb\rc\"", GradesCsv.quoted("a\rb\rc"), "a bare carriage return is a line break to a spreadsheet");
        assertEquals("\"a\nb\"", GradesCsv.quoted("a\nb"));
        assertEquals("'\t=1+2", GradesCsv.quoted("\t=1+2"), "a leading tab is defused like =");
        assertEquals("\"'\r=1+2\"", GradesCsv.quoted("\r=1+2"), "a leading carriage return is defused and quoted");
        assertEquals("'\0=1", GradesCsv.quoted("\0=1"), "a leading NUL is defused like =");
    }
}
