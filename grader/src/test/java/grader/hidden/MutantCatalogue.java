package grader.hidden;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** Test-scope reader of {@code grader/mutants.json}: typical student mistakes as patches of the solution. */
record MutantCatalogue(List<Mutant> mutants) {
    record Patch(String find, String replace) {}

    record Mutant(String name, String description, List<Patch> patches, List<String> mustFail) {}

    static MutantCatalogue load() {
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(MutantCatalogue.class.getResourceAsStream("/grader/mutants.json"), "grader/mutants.json"),
                StandardCharsets.UTF_8)) {
            return new MutantCatalogue(List.of(new Gson().fromJson(reader, Mutant[].class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
