package grader.release;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shaded grader jar carries the libraries its commands need at run time. */
class GraderJarContentsIT {
    @Test
    void theJarCarriesSnakeYamlForGradescopeExports() throws Exception {
        Path jar = Path.of(System.getProperty("grader.jar", "target/grader.jar")).toAbsolutePath();
        Kit.skipUnless(Files.isRegularFile(jar), jar + " does not exist: the grader module's package phase builds it");
        try (JarFile contents = new JarFile(jar.toFile())) {
            for (String entry : List.of("org/yaml/snakeyaml/Yaml.class", "org/yaml/snakeyaml/constructor/SafeConstructor.class")) {
                assertNotNull(contents.getEntry(entry), entry + " is missing from " + jar
                        + ": grade-all reads submission_metadata.yml with SnakeYAML (check the shade plugin's artifactSet)");
            }
        }
    }
}
