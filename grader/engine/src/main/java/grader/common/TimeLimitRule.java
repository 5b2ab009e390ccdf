package grader.common;

import java.time.Duration;
import java.util.Collection;

/**
 * The rule that turns the reference solution's times ({@link ReferenceTimes}) into time limits, so that a hanging
 * test costs about half a second instead of a fixed 20 s, while a correct but slow submission still passes: each
 * test may compute (processor time of the test JVM) {@value #FACTOR} times what the reference needs for it, and
 * never less than {@link #FLOOR}. The reference times include each test's time as the first test of a fresh JVM
 * (after a timeout the rest run in one), so the factor covers a fresh JVM's loading and first compilations too;
 * the floor is for tests that need milliseconds: as the first test of a fresh JVM, a solution five times slower
 * needed at most 180 ms for a test whose limit is the floor. Code that waits instead of computing (it used less
 * than {@link #WAITING_SHARE} of a core during the last {@link #WAITING_WINDOW}, and no thread of it wants a
 * processor) is stopped once it has run for its limit of wall time; where the operating system cannot tell whether
 * a thread wants a processor, after {@value #WALL_FACTOR} times its limit of wall time. A test whose only thread
 * waits with no timeout ({@code wait()}; a submission may start no thread that could wake it) is stopped as soon as
 * the test JVM has seen it so for 0.2 s (the runner's StuckTestWatch), whatever its limit. All tests of a submission
 * together may take the sum of their limits plus {@link #RESTART} per test (after a test times out, a fresh JVM
 * runs the rest), so that even a submission whose every test hangs is told so test by test. Documented, with the
 * measurements, in docs/instructors.md#time-limits.
 */
public final class TimeLimitRule {
    public static final int FACTOR = 10;
    public static final Duration FLOOR = Duration.ofMillis(500);
    /** What starting a fresh test JVM costs, allowed once per test. */
    public static final Duration RESTART = Duration.ofSeconds(1);

    /** Wall time a test may take, as a multiple of its limit of processor time: for code that waits, not computes. */
    public static final int WALL_FACTOR = 3;
    /**
     * Below this share of one core, a test is waiting, not computing: a JVM that waits uses next to nothing,
     * while a test on a machine loaded ten times over still gets a tenth of a core.
     */
    public static final double WAITING_SHARE = 0.05;
    /** How far back the share of a core is measured for {@link #WAITING_SHARE}. */
    public static final Duration WAITING_WINDOW = Duration.ofSeconds(1);

    private TimeLimitRule() {}

    /** {@value #WALL_FACTOR} x the limit: a busy machine may slow a correct test that much and more is waiting. */
    public static Duration wallLimitFor(Duration limit) {
        return limit.multipliedBy(WALL_FACTOR);
    }

    /** max({@link #FLOOR}, {@value #FACTOR} x reference), rounded up to a tenth of a second. */
    public static Duration limitFor(Duration reference) {
        long millis = Math.max(FLOOR.toMillis(), reference.toMillis() * FACTOR);
        return Duration.ofMillis((millis + 99) / 100 * 100);
    }

    /** The time all tests may take together, given each test's limit. */
    public static Duration totalFor(Collection<Duration> limits) {
        return limits.stream().map(limit -> limit.plus(RESTART)).reduce(Duration.ZERO, Duration::plus);
    }
}
