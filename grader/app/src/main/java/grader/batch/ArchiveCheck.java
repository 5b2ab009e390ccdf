package grader.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Whether a JVM maps a new start-up archive, before the archive takes its name: a JVM that maps a truncated
 * class-data archive crashes (JDK 17: SIGBUS in {@code FileMapInfo::relocate_pointers_in_core_regions}), so an
 * archive cut short (its training JVM killed at its limit, a full disk) would crash every JVM that maps it, until
 * the cache drops it a week later. The check starts a JVM that must map it ({@code -Xshare:on}, or
 * {@code -XX:AOTMode=on} for an AOT cache: both refuse to start without it) and prints its version.
 */
public final class ArchiveCheck {
    private static final long CHECK_SECONDS = 60;

    private ArchiveCheck() {}

    /** The options that make a JVM map a class-data archive or refuse to start. */
    public static List<String> mustMapClassData(Path archive) {
        return List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive);
    }

    /** The options that make a JVM (JDK 25 on) map an AOT cache or refuse to start. */
    static List<String> mustMapAotCache(Path archive) {
        return List.of("-XX:AOTMode=on", "-XX:AOTCache=" + archive);
    }

    /**
     * Whether this JDK's JVM, started with {@code jvmOptions}, then {@code mustMap} (one of the two above) and
     * {@code classpath}, starts and exits cleanly within a minute.
     */
    public static boolean maps(List<String> jvmOptions, List<String> mustMap, List<Path> classpath)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(jvmOptions);
        // A JVM that crashes on a broken archive writes no hs_err file into the grader's working folder.
        options.add("-XX:+SuppressFatalErrorMessage");
        options.addAll(mustMap);
        OptionalInt exit = QuietJvm.run(options, classpath, "-version", CHECK_SECONDS);
        return exit.isPresent() && exit.getAsInt() == 0;
    }
}
