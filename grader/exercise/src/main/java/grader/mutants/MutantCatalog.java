package grader.mutants;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The mutants bundled at {@code /grader/mutants.json}. */
public final class MutantCatalog {
    public static final String RESOURCE = "/grader/mutants.json";

    private MutantCatalog() {}

    /** The catalog, or empty when the jar has none. */
    public static Optional<List<Mutant>> bundled() throws IOException {
        try (InputStream in = MutantCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            List<Mutant> mutants = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8),
                    new TypeToken<List<Mutant>>() { }.getType());
            for (Mutant mutant : mutants) {
                if (mutant.name() == null || mutant.patches() == null || mutant.mustFail() == null
                        || mutant.diagnoses() == null) {
                    throw new IOException(RESOURCE + ": every mutant needs name, patches, mustFail and diagnoses");
                }
            }
            return Optional.of(mutants);
        } catch (JsonParseException e) {
            throw new IOException(RESOURCE + " is not valid: " + e.getMessage(), e);
        }
    }
}
