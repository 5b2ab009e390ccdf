package grader.submission;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds symbolic links in a zip. {@link java.util.zip.ZipFile} hides the Unix mode bits that mark a
 * link, so this reads them from the central directory (APPNOTE.TXT 4.3.12 and 4.3.16).
 */
final class ZipLinks {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int UNIX_HOST = 3;
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SYMLINK_TYPE = 0120000;
    private static final long MAX_ZIP_BYTES = 64L << 20;

    private ZipLinks() {}

    /** The names of the link entries, comma separated; empty when there are none. */
    static String symbolicLinks(Path zip) throws IOException, SubmissionProblem {
        if (Files.size(zip) > MAX_ZIP_BYTES) {
            throw new SubmissionProblem("The zip is larger than " + (MAX_ZIP_BYTES >> 20) + " MiB; submit only your sources.");
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        int end = findEndRecord(bytes);
        if (end < 0) {
            throw new SubmissionProblem("The file is not a readable zip (no central directory).");
        }
        int entries = Short.toUnsignedInt(bytes.getShort(end + 10));
        long offset = Integer.toUnsignedLong(bytes.getInt(end + 16));
        List<String> links = new ArrayList<>();
        int at = (int) Math.min(offset, bytes.limit());
        for (int i = 0; i < entries && at + 46 <= bytes.limit() && bytes.getInt(at) == CENTRAL_SIGNATURE; i++) {
            int host = Short.toUnsignedInt(bytes.getShort(at + 4)) >> 8;
            int nameLength = Short.toUnsignedInt(bytes.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(bytes.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(bytes.getShort(at + 32));
            int mode = bytes.getInt(at + 38) >>> 16;
            if (host == UNIX_HOST && (mode & FILE_TYPE_MASK) == SYMLINK_TYPE && at + 46 + nameLength <= bytes.limit()) {
                byte[] name = new byte[nameLength];
                bytes.get(at + 46, name);
                links.add(new String(name, java.nio.charset.StandardCharsets.UTF_8));
            }
            at += 46 + nameLength + extraLength + commentLength;
        }
        return String.join(", ", links);
    }

    /** The end-of-central-directory record is in the last 64 KiB + 22 bytes (its comment is at most 64 KiB). */
    private static int findEndRecord(ByteBuffer bytes) {
        for (int at = bytes.limit() - 22; at >= Math.max(0, bytes.limit() - 22 - 0xFFFF); at--) {
            if (bytes.getInt(at) == END_SIGNATURE) {
                return at;
            }
        }
        return -1;
    }
}
