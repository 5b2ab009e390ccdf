package grader.batch;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The batch's progress on stderr: done / total, failures and an estimate of the time left. On a terminal
 * one line is redrawn in place (at most a few times a second); otherwise (a log file, CI) each finished
 * submission prints one plain line, so the log reads top to bottom.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private int skipped;
    private int failed;
    private long lastDrawn;

    ProgressBar(PrintStream out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    /** Submissions that were up to date and not graded again. */
    synchronized void skipped(java.util.List<BatchRecord> kept) {
        int count = kept.size();
        skipped += count;
        done += count;
        failed += (int) kept.stream().filter(record -> !record.graded()).count();
        if (count > 0) {
            out.printf(Locale.ROOT, "grade-all: %d of %d submissions unchanged since the last run, kept (--force grades them again)%n",
                    count, total);
        }
    }

    synchronized void finished(BatchRecord record) {
        done++;
        if (!record.graded()) {
            failed++;
        }
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDrawn >= REDRAW_NANOS || done == total) {
                lastDrawn = now;
                out.print("\r" + bar() + " " + status() + "   ");
                out.flush();
            }
        } else {
            out.printf(Locale.ROOT, "grade-all: %s  %s: %s / %s %s%n", status(), record.id(),
                    grader.json.Feedback.points(record.score()), grader.json.Feedback.points(record.maxScore()),
                    record.graded() ? "" : "(" + record.verdict().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }
    }

    /** Ends the redrawn line so that later output starts on its own line. */
    synchronized void close() {
        if (terminal && done > skipped) {
            out.println();
        }
        out.flush();
    }

    private String status() {
        return String.format(Locale.ROOT, "%d/%d done, %d not graded, %s", done, total, failed, eta());
    }

    private String bar() {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }

    /** Time left at the pace of the submissions graded in this run (skipped ones cost nothing). */
    private String eta() {
        int graded = done - skipped;
        if (done == total) {
            return "finished in " + clock(Duration.ofNanos(System.nanoTime() - start));
        }
        if (graded == 0) {
            return "ETA unknown";
        }
        long perSubmission = (System.nanoTime() - start) / graded;
        return "ETA " + clock(Duration.ofNanos(perSubmission * (total - done)));
    }

    private static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
