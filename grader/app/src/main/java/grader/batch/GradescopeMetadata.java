package grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code submission_metadata.yml} of a Gradescope "Export Submissions" download: one top-level
 * key per submission folder (e.g. {@code submission_123456}), each with a {@code :submitters:} list whose
 * items carry {@code :name:}, {@code :sid:} and {@code :email:} (Ruby symbols as keys, as Gradescope writes
 * them; the same shape Otter-Grader's Gradescope parser reads). Only that shape is parsed, line by line,
 * so the grader needs no YAML library; anything else in the file is ignored.
 */
final class GradescopeMetadata {
    static final String FILE_NAME = "submission_metadata.yml";

    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([^\\s#:][^:]*):\\s*$");
    private static final Pattern SUBMITTER_FIELD = Pattern.compile("^\\s*(?:-\\s+)?:(name|sid|email):\\s*(.*)$");
    private static final Pattern NEW_SUBMITTER = Pattern.compile("^\\s*-\\s+:");

    private GradescopeMetadata() {}

    /** One submitter of a Gradescope submission; fields are empty when absent. */
    record Submitter(String name, String sid, String email) {
        /** The name, else the student id, else the email. */
        String label() {
            return !name.isEmpty() ? name : !sid.isEmpty() ? sid : email;
        }
    }

    /** Folder name to its submitters (several for a group submission), in the file's order. */
    static Map<String, List<Submitter>> read(Path file) throws IOException {
        Map<String, List<Submitter>> byFolder = new LinkedHashMap<>();
        List<Submitter> current = null;
        Map<String, String> fields = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher key = TOP_LEVEL_KEY.matcher(line);
            if (key.matches()) {
                flush(current, fields);
                fields = null;
                current = new ArrayList<>();
                byFolder.put(unquote(key.group(1).strip()), current);
                continue;
            }
            Matcher field = SUBMITTER_FIELD.matcher(line);
            if (current != null && field.matches()) {
                if (fields == null || NEW_SUBMITTER.matcher(line).find()) {
                    flush(current, fields);
                    fields = new LinkedHashMap<>();
                }
                fields.put(field.group(1), unquote(field.group(2).strip()));
            }
        }
        flush(current, fields);
        return byFolder;
    }

    private static void flush(List<Submitter> submitters, Map<String, String> fields) {
        if (submitters != null && fields != null) {
            submitters.add(new Submitter(fields.getOrDefault("name", ""), fields.getOrDefault("sid", ""),
                    fields.getOrDefault("email", "")));
        }
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
