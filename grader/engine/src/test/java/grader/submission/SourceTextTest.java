package grader.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Sources are read as an IDE opens them, whatever editor saved them. */
class SourceTextTest {
    private static final String SOURCE = "package batchnorm; // Größe: µ and σ²\nclass Model { String s = \"é\"; }\n";

    private static byte[] withPrefix(byte[] prefix, byte[] body) {
        byte[] bytes = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        System.arraycopy(body, 0, bytes, prefix.length, body.length);
        return bytes;
    }

    @Test
    void utf8IsReadAsItIsWithoutANote() {
        assertEquals(new SourceText(SOURCE, ""), SourceText.decode("Model.java", SOURCE.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() {
        byte[] bytes = withPrefix(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, SOURCE.getBytes(StandardCharsets.UTF_8));
        assertEquals(new SourceText(SOURCE, ""), SourceText.decode("Model.java", bytes));
    }

    @Test
    void notepadsUnicodeIsUtf16WithAByteOrderMark() {
        assertEquals(new SourceText(SOURCE, ""), SourceText.decode("Model.java",
                withPrefix(new byte[] {(byte) 0xFF, (byte) 0xFE}, SOURCE.getBytes(StandardCharsets.UTF_16LE))));
        assertEquals(new SourceText(SOURCE, ""), SourceText.decode("Model.java",
                withPrefix(new byte[] {(byte) 0xFE, (byte) 0xFF}, SOURCE.getBytes(StandardCharsets.UTF_16BE))));
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1252WithANote() {
        String western = "package batchnorm; // Größe, café, “quotes” and €\nclass Model { String s = \"é\"; }\n";
        SourceText read = SourceText.decode("Model.java", western.getBytes(Charset.forName("windows-1252")));
        assertEquals(western, read.text(), "every letter survives, in comments and in string literals");
        assertEquals("Note: Model.java is not valid UTF-8, so the grader read it as Windows-1252 (the usual encoding of "
                + "Windows editors). If a letter in a comment or a string looks wrong, save the file as UTF-8 (in most "
                + "editors: File > Save with Encoding > UTF-8).", read.note());
    }
}
