package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixing a hidden test (or its fixture) changes the grader's fingerprint; nothing else on the class path does. */
class HiddenTestCodeTest {
    @TempDir
    Path temp;

    private static final Map<String, String> FILES = Map.of("tests/hidden/Ex2Test.class", "bytes of a test",
            "tests/hidden/Helper.class", "bytes of a helper", "grader/fixtures/reference.json", "{\"x\": 1}",
            "other/Unrelated.class", "bytes of something else");

    private Path folder(String name, Map<String, String> files) throws Exception {
        Path root = temp.resolve(name);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return root;
    }

    private Path jar(String name, Map<String, String> files) throws Exception {
        Path jar = temp.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String directory : new String[] {"tests/", "tests/hidden/", "grader/", "grader/fixtures/", "other/"}) {
                zip.putNextEntry(new ZipEntry(directory));
            }
            for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes());
            }
        }
        return jar;
    }

    private static String fingerprint(Path classPath) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classPath.toUri().toURL()}, null)) {
            return HiddenTestCode.fingerprint(loader, "tests.hidden");
        }
    }

    private static Map<String, String> with(String file, String content) {
        Map<String, String> changed = new java.util.HashMap<>(FILES);
        changed.put(file, content);
        return changed;
    }

    @Test
    void aFolderAndAJarWithTheSameTestsGiveTheSameFingerprint() throws Exception {
        assertEquals(fingerprint(folder("classes", FILES)), fingerprint(jar("grader", FILES)), "only names and contents count");
    }

    @Test
    void changingATestAHelperOrTheFixtureChangesIt() throws Exception {
        String original = fingerprint(jar("grader", FILES));

        assertNotEquals(original, fingerprint(jar("test", with("tests/hidden/Ex2Test.class", "fixed test"))), "a test");
        assertNotEquals(original, fingerprint(jar("helper", with("tests/hidden/Helper.class", "fixed helper"))), "a helper");
        assertNotEquals(original, fingerprint(folder("fixture", with("grader/fixtures/reference.json", "{\"x\": 2}"))),
                "the reference data");
    }

    @Test
    void changingAnythingElseDoesNot() throws Exception {
        assertEquals(fingerprint(jar("grader", FILES)), fingerprint(jar("other", with("other/Unrelated.class", "new"))),
                "a class outside the hidden tests' package");
    }
}
