package grader.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Every JVM option of a child JVM that runs tests, in one place: the command that grades and the one that
 * trains the class-data archive or AOT cache must agree (an archive made under other options is not used).
 */
public final class ChildJvmFlags {
    /**
     * Start-up dominates a short test run: C1 only (the tests are too short for C2 to pay off), and C1 only
     * for methods run three times as often as by default (the JIT's threads took a third of a correct
     * submission's processor time, for methods the tests run a few hundred times; GradeAllBenchmark's
     * {@code default_jit_thresholds} line measures it), serial GC, no hsperfdata file in /tmp. The JDK's own
     * class-data archive is on by default; no {@code -Xshare} option, which JDK 25 refuses next to the one that
     * writes an AOT cache (ChildStartup, in grader-app). Override with the system property
     * {@code grader.childJvmOptions} (space separated) to experiment; GradeAllBenchmark compares choices.
     */
    public static final List<String> DEFAULTS = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=3",
            "-XX:+UseSerialGC", "-XX:-UsePerfData");

    /** Maps a batch's class-data archive (JDK 17 on) into a child JVM; ChildStartup, in grader-app, makes it. */
    public static final String CLASS_DATA_ARCHIVE = "-XX:SharedArchiveFile=";
    /** Maps a batch's AOT cache (JDK 25 on) into a child JVM, in place of {@link #CLASS_DATA_ARCHIVE}. */
    public static final String AOT_CACHE = "-XX:AOTCache=";

    private ChildJvmFlags() {}

    /** The options between {@code java} and {@code -cp}: limits, {@link GraderConfig#childJvmOptions}, and a fixed locale. */
    public static List<String> of(GraderConfig config) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + config.heap());
        options.add("-XX:+ExitOnOutOfMemoryError");
        options.addAll(config.childJvmOptions());
        options.add("-Djava.awt.headless=true");
        options.add("-Dfile.encoding=UTF-8");
        options.add("-Duser.language=en");
        return options;
    }
}
