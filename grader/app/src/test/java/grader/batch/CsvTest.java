package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotedFieldsMayHoldCommasDoubledQuotesAndLineBreaks() throws Exception {
        List<List<String>> rows = Csv.parse("name,note\r\n\"Lovelace, Ada\",\"said \"\"hi\"\"\nthen left\"\r\n");

        assertEquals(List.of(List.of("name", "note"), List.of("Lovelace, Ada", "said \"hi\"\nthen left")), rows,
                "one header and one row, the quoted cells intact");
    }

    @Test
    void aByteOrderMarkLfLineEndsAndAMissingFinalLineBreakAreAccepted() throws Exception {
        List<List<String>> rows = Csv.parse("\uFEFFStudent,ID\nAda,1\n\nAlan,");

        assertEquals(List.of(List.of("Student", "ID"), List.of("Ada", "1"), List.of("Alan", "")), rows,
                "the mark is not part of the first cell, the blank line is dropped, the last empty cell is kept");
    }

    @Test
    void anUnclosedQuoteIsRefusedWithTheLineItStartsOn() {
        Csv.MalformedCsvException thrown = assertThrows(Csv.MalformedCsvException.class,
                () -> Csv.parse("a,b\n1,2\n\"open,3\n4,5\n"));

        assertTrue(thrown.getMessage().startsWith("line 3: a quoted field is never closed"), thrown.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        Csv.MalformedCsvException thrown = assertThrows(Csv.MalformedCsvException.class, () -> Csv.parse("\"a\"b,c\n"));

        assertTrue(thrown.getMessage().contains("must be doubled"), thrown.getMessage());
    }

    @Test
    void whatIsFormattedParsesBackToTheSameCells() throws Exception {
        List<List<String>> rows = List.of(List.of("O'Brien, \"Bobby\"", " padded ", "", "line\r\nbreak", "plain"));

        String text = Csv.format(rows);

        assertEquals("\"O'Brien, \"\"Bobby\"\"\", padded ,,\"line\r\nbreak\",plain\r\n", text, "quotes only where needed");
        assertEquals(rows, Csv.parse(text), "round trip");
    }
}
