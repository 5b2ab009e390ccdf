package grader.batch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code submission_metadata.yml} of a Gradescope "Export Submissions" download: one top-level
 * key per submission folder (e.g. {@code submission_123456}), each with a {@code :submitters:} list whose
 * items carry {@code :name:}, {@code :sid:} and {@code :email:} (Ruby symbols as keys, as Gradescope writes
 * them; the same shape Otter-Grader's Gradescope parser reads). Parsed with SnakeYAML, so quoted and
 * escaped names ({@code "O'Brien"}, {@code "Zoë \"Z\" Ng"}) come out as the student wrote them; anything
 * else in the file is ignored.
 */
final class GradescopeMetadata {
    static final String FILE_NAME = "submission_metadata.yml";
    /** A whole class's history of results can be long; SnakeYAML's default cap is 3 MB. */
    private static final int MAX_CODE_POINTS = 256 << 20;

    private GradescopeMetadata() {}

    /** One submitter of a Gradescope submission; fields are empty when absent. */
    record Submitter(String name, String sid, String email) {
        /** The name, else the student id, else the email. */
        String label() {
            return !name.isEmpty() ? name : !sid.isEmpty() ? sid : email;
        }
    }

    /** The file is not YAML, or not the shape Gradescope writes: the instructor's to fix, not the grader's bug. */
    static final class UnreadableMetadata extends IOException {
        UnreadableMetadata(String message) {
            super(message);
        }
    }

    /** Folder name to its submitters (several for a group submission), in the file's order. */
    static Map<String, List<Submitter>> read(Path file) throws IOException {
        Object document;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = yaml().load(in);
        } catch (YAMLException e) {
            throw new UnreadableMetadata(file + " is not valid YAML (" + e.getMessage().lines().findFirst().orElse("")
                    + "); fix it, or move it away to grade without the students' names.");
        }
        Map<String, List<Submitter>> byFolder = new LinkedHashMap<>();
        if (!(document instanceof Map<?, ?> folders)) {
            return byFolder;
        }
        folders.forEach((folder, entry) -> {
            List<Submitter> submitters = new ArrayList<>();
            Object list = entry instanceof Map<?, ?> fields ? fields.get(":submitters") : null;
            if (list instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> submitter) {
                        submitters.add(new Submitter(text(submitter.get(":name")), text(submitter.get(":sid")),
                                text(submitter.get(":email"))));
                    }
                }
            }
            byFolder.put(text(folder), submitters);
        });
        return byFolder;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }

    /** Safe loading (no Java objects); tags Gradescope's Ruby may write ({@code !ruby/...}) read as plain data. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        return new Yaml(new PlainDataConstructor(options));
    }

    private static final class PlainDataConstructor extends SafeConstructor {
        PlainDataConstructor(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (node instanceof MappingNode mapping) {
                        return constructMapping(mapping);
                    }
                    if (node instanceof SequenceNode sequence) {
                        return constructSequence(sequence);
                    }
                    return constructScalar((ScalarNode) node);
                }
            });
        }
    }
}
