package grader.submission;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A source file's text, decoded the way an IDE opens it: a byte-order mark is dropped (UTF-8 from
 * Notepad and Visual Studio; UTF-16 from Notepad's "Unicode"), UTF-8 is tried first, and a file that is
 * not valid UTF-8 is read as Windows-1252, the encoding Windows editors use for Western languages.
 *
 * @param text the decoded text, without a byte-order mark
 * @param note for the student when the encoding had to be guessed, else empty
 */
public record SourceText(String text, String note) {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Decodes the bytes of {@code fileName}; never fails, whatever the bytes. */
    public static SourceText decode(String fileName, byte[] bytes) {
        if (startsWith(bytes, UTF16LE_BOM)) {
            return new SourceText(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "");
        }
        if (startsWith(bytes, UTF16BE_BOM)) {
            return new SourceText(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "");
        }
        byte[] body = startsWith(bytes, UTF8_BOM) ? Arrays.copyOfRange(bytes, UTF8_BOM.length, bytes.length) : bytes;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return new SourceText(text, "");
        } catch (CharacterCodingException notUtf8) {
            return new SourceText(new String(body, WINDOWS_1252), windows1252Note(fileName));
        }
    }

    /** What the student reads when the file was not UTF-8. */
    static String windows1252Note(String fileName) {
        return "Note: " + fileName + " is not valid UTF-8, so the grader read it as Windows-1252 (the usual encoding "
                + "of Windows editors). If a letter in a comment or a string looks wrong, save the file as UTF-8 "
                + "(in most editors: File > Save with Encoding > UTF-8).";
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
