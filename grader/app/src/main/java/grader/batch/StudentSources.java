package grader.batch;

import grader.submission.SafeUnzip;
import grader.submission.SubmissionLocator;
import grader.submission.SubmissionProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The student's {@code Model.java} of each submission, found the way the grader finds it (zips are
 * unpacked with the same limits into a scratch folder, deleted afterwards). A submission without one
 * simply has no entry.
 */
final class StudentSources {
    private StudentSources() {}

    static Map<String, String> models(List<Submission> submissions, Path scratchRoot) throws IOException {
        Map<String, String> byId = new LinkedHashMap<>();
        for (Submission submission : submissions) {
            model(submission, scratchRoot).ifPresent(source -> byId.put(submission.id(), source));
        }
        return byId;
    }

    static Optional<String> model(Submission submission, Path scratchRoot) throws IOException {
        Path scratch = null;
        try {
            Path folder = submission.source();
            if (submission.layout() == Submission.Layout.ZIP) {
                scratch = Files.createTempDirectory(scratchRoot, "similarity-");
                SafeUnzip.extract(submission.source(), scratch.resolve("unpacked"), SafeUnzip.Limits.DEFAULT);
                folder = scratch.resolve("unpacked");
            }
            return Optional.of(SubmissionLocator.readSource(SubmissionLocator.findModel(folder)).text());
        } catch (SubmissionProblem | IOException | RuntimeException unreadable) {
            return Optional.empty();
        } finally {
            if (scratch != null) {
                deleteRecursively(scratch);
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
