package grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the submissions of a class folder: each immediate subfolder or {@code .zip} is one submission,
 * named after it. A Gradescope export (a {@code submission_metadata.yml} next to the folders) gives each
 * submitter's name; GitHub Classroom clones give the student's login. Hidden entries, links, other files
 * and the output folder itself are skipped. The order is stable: sorted by folder name.
 */
public final class SubmissionDiscovery {
    private SubmissionDiscovery() {}

    /** @param outputFolder skipped when it lies inside {@code classFolder} (may be null) */
    public static List<Submission> discover(Path classFolder, Path outputFolder) throws IOException {
        Path classRoot = classFolder.toAbsolutePath().normalize();
        Path output = outputFolder == null ? null : outputFolder.toAbsolutePath().normalize();
        List<Path> entries;
        try (Stream<Path> listing = Files.list(classRoot)) {
            entries = listing.filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .filter(entry -> !Files.isSymbolicLink(entry))
                    .filter(entry -> !entry.equals(output))
                    .filter(entry -> Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) || isZip(entry))
                    .sorted().toList();
        }
        Path metadataFile = classRoot.resolve(GradescopeMetadata.FILE_NAME);
        Map<String, List<GradescopeMetadata.Submitter>> gradescope = Files.isRegularFile(metadataFile)
                ? GradescopeMetadata.read(metadataFile) : Map.of();
        String classroomPrefix = ClassroomLogins.assignmentPrefix(entries.stream().filter(ClassroomLogins::isClone)
                .map(entry -> entry.getFileName().toString()).toList());

        List<Submission> submissions = new ArrayList<>();
        Set<String> usedIds = new HashSet<>();
        for (Path entry : entries) {
            String fileName = entry.getFileName().toString();
            String baseName = isZip(entry) ? fileName.substring(0, fileName.length() - ".zip".length()) : fileName;
            String id = uniqueId(safeId(baseName), usedIds);
            List<GradescopeMetadata.Submitter> submitters = gradescope.getOrDefault(fileName,
                    gradescope.getOrDefault(baseName, List.of()));
            if (!submitters.isEmpty()) {
                String names = String.join(" & ", submitters.stream().map(GradescopeMetadata.Submitter::label).toList());
                submissions.add(new Submission(id, names, entry, Submission.Layout.GRADESCOPE,
                        submitters.stream().map(GradescopeMetadata.Submitter::email).toList(),
                        submitters.stream().map(GradescopeMetadata.Submitter::sid).toList()));
            } else if (Files.isDirectory(entry) && ClassroomLogins.isClone(entry)) {
                String login = ClassroomLogins.login(entry, classroomPrefix);
                submissions.add(new Submission(id, login, entry, Submission.Layout.CLASSROOM, List.of(login), List.of()));
            } else {
                submissions.add(new Submission(id, "", entry,
                        isZip(entry) ? Submission.Layout.ZIP : Submission.Layout.FOLDER));
            }
        }
        return submissions;
    }

    /** Letters, digits, dot, hyphen and underscore; anything else becomes an underscore. */
    static String safeId(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        // Names that only differ in case would share a file on case-insensitive file systems; "." and ".."
        // are not file names.
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "submission" : safe;
    }

    private static String uniqueId(String id, Set<String> usedIds) {
        String candidate = id;
        for (int n = 2; !usedIds.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    private static boolean isZip(Path entry) {
        return Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                && entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }
}
