package grader.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The grader's version, written into {@code grader/version.properties} by the build (engine pom, filtered). */
public final class GraderVersion {
    private static final String UNKNOWN = "(unknown version)";

    private GraderVersion() {}

    /** For example "0.1.0-SNAPSHOT"; "(unknown version)" when the classes run without the build's resources. */
    public static String current() {
        Properties properties = new Properties();
        try (InputStream in = GraderVersion.class.getResourceAsStream("/grader/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("grader/version.properties is unreadable", e);
        }
        String version = properties.getProperty("version", UNKNOWN);
        // an unfiltered copy (an IDE's resource copy) still says ${project.version}
        return version.startsWith("${") ? UNKNOWN : version;
    }
}
