package grader.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import grader.common.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The records of submissions already graded, in {@code OUTDIR/.grade-all/<id>.json}. A record is written
 * after the submission's JSON, both atomically, so a record on disk means both files are complete; a run
 * that was stopped in between simply grades that submission again.
 */
final class ResumeIndex {
    static final String FOLDER = ".grade-all";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path folder;

    ResumeIndex(Path outputFolder) throws IOException {
        this.folder = outputFolder.resolve(FOLDER);
        Files.createDirectories(folder);
        removeLeftoverTemporaryFiles(outputFolder);
        removeLeftoverTemporaryFiles(folder);
    }

    Path folder() {
        return folder;
    }

    /** The stored record, if it was made from the same content by the same grader and is not an internal error. */
    Optional<BatchRecord> upToDate(Submission submission, String sourceHash, String graderHash, Path json) {
        return read(submission.id()).filter(record -> record.sourceHash().equals(sourceHash)
                && record.graderHash().equals(graderHash)
                && !BatchRecord.INTERNAL_ERROR.equals(record.verdict())
                && Files.isRegularFile(json));
    }

    void write(BatchRecord record) throws IOException {
        AtomicFile.write(folder.resolve(record.id() + ".json"), GSON.toJson(record) + "\n");
    }

    /** The record the previous run left for this id, whatever it was graded from. */
    Optional<BatchRecord> read(String id) {
        Path file = folder.resolve(id + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            BatchRecord record = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), BatchRecord.class);
            return record == null || record.sourceHash() == null || record.tests() == null ? Optional.empty()
                    : Optional.of(record);
        } catch (IOException | RuntimeException unreadable) {
            // Unreadable or from an older grader (Gson wraps a failed record constructor): grade again.
            return Optional.empty();
        }
    }

    /** AtomicFile's temporary files that a killed run could not delete ({@code .<name>.<random>.tmp}). */
    private static void removeLeftoverTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(f);
            }).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
