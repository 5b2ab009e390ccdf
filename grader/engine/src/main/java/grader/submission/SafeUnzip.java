package grader.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a submitted zip into a fresh folder, refusing what could escape it or flood the disk: entries
 * with {@code ..}, absolute paths, symbolic links, too many entries, too many bytes, or a compression
 * ratio only a zip bomb has. Sizes are counted while writing, never taken from the headers.
 */
public final class SafeUnzip {

    /** Caps on an archive; a real submission is a few files of a few kilobytes. */
    public record Limits(int maxEntries, long maxTotalBytes, long maxEntryBytes, long maxRatio) {
        public static final Limits DEFAULT = new Limits(5_000, 50L << 20, 10L << 20, 100);
    }

    /** Below this size an entry may have any ratio: tiny files of repeated text compress very well. */
    private static final long RATIO_FREE_BYTES = 1L << 20;
    private static final java.nio.charset.Charset OEM_NAMES = java.nio.charset.Charset.forName("IBM437");

    private SafeUnzip() {}

    public static void extract(Path zip, Path destination, Limits limits) throws SubmissionProblem, IOException {
        String links = ZipLinks.symbolicLinks(zip);
        if (!links.isEmpty()) {
            throw new SubmissionProblem("The zip contains symbolic links (" + links + "); zip the files themselves.");
        }
        Path root = destination.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (ZipFile archive = open(zip)) {
            if (archive.size() > limits.maxEntries()) {
                throw new SubmissionProblem("The zip has " + archive.size() + " entries, more than the "
                        + limits.maxEntries() + " allowed; submit only your source files.");
            }
            long total = 0;
            for (Enumeration<? extends ZipEntry> entries = archive.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                try {
                    total += unpack(archive, entry, root, total, limits);
                } catch (FileSystemException | InvalidPathException e) {
                    throw new SubmissionProblem("The zip entry \"" + entry.getName() + "\" cannot be unpacked ("
                            + reason(e) + "); zip your source files again and submit that zip.");
                }
            }
        } catch (ZipException e) {
            throw new SubmissionProblem("The file is not a readable zip (" + e.getMessage() + ").");
        }
    }

    /** Writes one entry below {@code root}; returns the bytes written. */
    private static long unpack(ZipFile archive, ZipEntry entry, Path root, long writtenBefore, Limits limits)
            throws IOException, SubmissionProblem {
        Path target = safeTarget(root, entry.getName());
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return 0;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = archive.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
            return copy(in, out, entry, writtenBefore, limits);
        }
    }

    /** Why the file system would not take an entry, for the student. */
    private static String reason(Exception e) {
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "the zip has a file and a folder of the same name";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e instanceof InvalidPathException invalid ? invalid.getReason() : e.getClass().getSimpleName();
    }

    /**
     * The zip, with names read as UTF-8 and, if they are not, as IBM 437: the zip format's encoding for a
     * name without the UTF-8 flag (APPNOTE.TXT, appendix D), which Windows' "Send to > Compressed folder"
     * writes for a folder named "Übung" or "José".
     */
    private static ZipFile open(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile());
        } catch (ZipException notUtf8) {
            try {
                return new ZipFile(zip.toFile(), OEM_NAMES);
            } catch (ZipException unreadable) {
                throw notUtf8;
            }
        }
    }

    /** Where an entry goes, or a refusal when its name would leave {@code root}. */
    static Path safeTarget(Path root, String name) throws SubmissionProblem {
        String unixName = name.replace('\\', '/');
        if (unixName.startsWith("/") || unixName.matches("^[A-Za-z]:.*")) {
            throw new SubmissionProblem("The zip entry \"" + name + "\" has an absolute path; zip relative paths only.");
        }
        for (String part : unixName.split("/")) {
            if (part.equals("..")) {
                throw new SubmissionProblem("The zip entry \"" + name + "\" points outside the folder (..); "
                        + "zip your project folder itself.");
            }
        }
        Path target = root.resolve(unixName).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new SubmissionProblem("The zip entry \"" + name + "\" points outside the folder.");
        }
        return target;
    }

    /** Copies one entry, counting real bytes against the limits; returns the bytes written. */
    private static long copy(InputStream in, OutputStream out, ZipEntry entry, long writtenBefore, Limits limits)
            throws IOException, SubmissionProblem {
        long compressed = Math.max(entry.getCompressedSize(), 1);
        byte[] buffer = new byte[16 * 1024];
        long written = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            written += n;
            if (written > limits.maxEntryBytes() || writtenBefore + written > limits.maxTotalBytes()) {
                throw new SubmissionProblem("The zip unpacks to more than " + mib(Math.min(limits.maxEntryBytes(),
                        limits.maxTotalBytes())) + " (entry \"" + entry.getName() + "\"); submit only your sources.");
            }
            if (written > RATIO_FREE_BYTES && written > compressed * limits.maxRatio()) {
                throw new SubmissionProblem("The zip entry \"" + entry.getName() + "\" expands more than "
                        + limits.maxRatio() + " times: this looks like a zip bomb, so it was not unpacked.");
            }
            out.write(buffer, 0, n);
        }
        return written;
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
