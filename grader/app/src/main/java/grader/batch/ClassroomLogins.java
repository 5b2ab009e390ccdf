package grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Student logins of GitHub Classroom clones. Classroom names each repository {@code <assignment>-<login>};
 * with several clones the assignment is their longest common prefix ending in a hyphen, and the login is
 * the rest. A lone clone has nothing to compare with: its login is guessed as the part after the last
 * hyphen of its {@code origin} remote's repository name (or of its folder name), since assignment names
 * contain hyphens more often than logins do.
 */
final class ClassroomLogins {
    private static final Pattern ORIGIN_URL = Pattern.compile(
            "(?s)\\[remote \"origin\"\\][^\\[]*?url\\s*=\\s*(\\S+)");

    private ClassroomLogins() {}

    static boolean isClone(Path folder) {
        return Files.isDirectory(folder.resolve(".git"));
    }

    /** The assignment prefix shared by these clone folder names ({@code "batchnorm-"}), or "" if none. */
    static String assignmentPrefix(List<String> cloneNames) {
        if (cloneNames.size() < 2) {
            return "";
        }
        String prefix = cloneNames.get(0);
        for (String name : cloneNames) {
            int common = 0;
            while (common < Math.min(prefix.length(), name.length()) && prefix.charAt(common) == name.charAt(common)) {
                common++;
            }
            prefix = prefix.substring(0, common);
        }
        int hyphen = prefix.lastIndexOf('-');
        return hyphen < 0 ? "" : prefix.substring(0, hyphen + 1);
    }

    /** The login of one clone, given the batch's assignment prefix (may be empty). */
    static String login(Path clone, String assignmentPrefix) {
        String folder = clone.getFileName().toString();
        if (!assignmentPrefix.isEmpty() && folder.startsWith(assignmentPrefix) && folder.length() > assignmentPrefix.length()) {
            return folder.substring(assignmentPrefix.length());
        }
        String repository = originRepository(clone).orElse(folder);
        int hyphen = repository.lastIndexOf('-');
        return hyphen < 0 || hyphen == repository.length() - 1 ? repository : repository.substring(hyphen + 1);
    }

    /** The repository name of the clone's origin remote, e.g. {@code batchnorm-alice}. */
    static Optional<String> originRepository(Path clone) {
        try {
            Path config = clone.resolve(".git").resolve("config");
            if (!Files.isRegularFile(config) || Files.size(config) > 64 * 1024) {
                return Optional.empty();
            }
            Matcher url = ORIGIN_URL.matcher(Files.readString(config, StandardCharsets.UTF_8));
            if (!url.find()) {
                return Optional.empty();
            }
            String repository = url.group(1).replaceFirst("\\.git$", "").replaceFirst("/+$", "");
            return Optional.of(repository.substring(Math.max(repository.lastIndexOf('/'), repository.lastIndexOf(':')) + 1));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
