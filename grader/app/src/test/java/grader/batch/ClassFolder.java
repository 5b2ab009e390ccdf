package grader.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds class folders for the tests: one subfolder or zip per submission. */
final class ClassFolder {
    private final Path root;

    ClassFolder(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    Path root() {
        return root;
    }

    /** A folder submission holding {@code relativePath} with {@code text}. */
    ClassFolder folder(String name, String relativePath, String text) throws IOException {
        Path file = root.resolve(name).resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    /** A zip submission {@code name.zip} with one entry. */
    ClassFolder zip(String name, String entry, String text) throws IOException {
        try (OutputStream out = Files.newOutputStream(root.resolve(name + ".zip"));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return this;
    }

    /** A GitHub Classroom clone: a folder with a .git folder and, optionally, its origin remote. */
    ClassFolder clone(String name, String originUrl, String modelText) throws IOException {
        folder(name, "src/main/java/batchnorm/Model.java", modelText);
        Path git = Files.createDirectories(root.resolve(name).resolve(".git"));
        Files.writeString(git.resolve("config"), originUrl == null ? "[core]\n\tbare = false\n"
                : "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = " + originUrl
                + "\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
        return this;
    }

    ClassFolder file(String name, String text) throws IOException {
        Files.writeString(root.resolve(name), text, StandardCharsets.UTF_8);
        return this;
    }
}
