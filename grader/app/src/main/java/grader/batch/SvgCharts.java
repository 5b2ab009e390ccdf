package grader.batch;

import java.util.List;
import java.util.Locale;

/** The report's two charts as inline SVG: no script, no font or image to fetch, so the page works offline. */
final class SvgCharts {
    private static final String BAR = "#3b6ea5";
    private static final String AXIS = "#555";
    /** About what fits in the pass-rate chart's label column at 12 px. */
    private static final int LABEL_CHARACTERS = 82;

    private SvgCharts() {}

    /** Vertical bars: how many submissions scored in each tenth of the maximum. */
    static String histogram(List<ClassSummary.Bin> bins) {
        int width = 640;
        int height = 260;
        int left = 40;
        int bottom = 40;
        int top = 20;
        int plotHeight = height - bottom - top;
        int slot = (width - left - 10) / bins.size();
        int highest = Math.max(1, bins.stream().mapToInt(ClassSummary.Bin::count).max().orElse(1));
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
                        + "aria-label=\"Histogram of scores\">%n", width, height));
        svg.append(line(left, top, left, height - bottom)).append(line(left, height - bottom, width - 10, height - bottom));
        svg.append(text(left - 6, top + 4, "end", String.valueOf(highest))).append(text(left - 6, height - bottom, "end", "0"));
        for (int i = 0; i < bins.size(); i++) {
            ClassSummary.Bin bin = bins.get(i);
            int barHeight = (int) Math.round((double) bin.count() / highest * plotHeight);
            int x = left + i * slot + 4;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                    + "<title>%s: %d</title></rect>%n", x, height - bottom - barHeight, slot - 8, barHeight, BAR,
                    HtmlReport.escape(bin.label()), bin.count()));
            if (bin.count() > 0) {
                svg.append(text(x + (slot - 8) / 2, height - bottom - barHeight - 4, "middle", String.valueOf(bin.count())));
            }
            svg.append(text(x + (slot - 8) / 2, height - bottom + 16, "middle", bin.label()));
        }
        svg.append(text(left + (width - left) / 2, height - 6, "middle", "score, % of the maximum"));
        return svg.append("</svg>\n").toString();
    }

    /**
     * Horizontal bars: the share of submissions that passed each test, in rubric order, labelled with the
     * test's display name (cut to fit; the full name and the id are in the bar's tooltip).
     */
    static String passRates(List<ClassSummary.TestRate> rates) {
        int labelWidth = 540;
        int barWidth = 260;
        int row = 20;
        int width = labelWidth + barWidth + 60;
        int height = rates.size() * row + 10;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
                        + "aria-label=\"Pass rate per test\">%n", width, height));
        for (int i = 0; i < rates.size(); i++) {
            ClassSummary.TestRate rate = rates.get(i);
            int y = 5 + i * row;
            svg.append(text(labelWidth - 8, y + 14, "end", shortened(rate.displayName().isBlank() ? rate.id() : rate.displayName())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#e8e8e8\"/>%n",
                    labelWidth, y + 2, barWidth, row - 6));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                    + "<title>%s (%s): %d passed</title></rect>%n", labelWidth, y + 2,
                    (int) Math.round(rate.rate() * barWidth), row - 6, rate.rate() >= 0.5 ? BAR : "#c0504d",
                    HtmlReport.escape(rate.displayName()), HtmlReport.escape(rate.id()), rate.passed()));
            svg.append(text(labelWidth + barWidth + 6, y + 14, "start",
                    String.format(Locale.ROOT, "%.0f%%", rate.rate() * 100)));
        }
        return svg.append("</svg>\n").toString();
    }

    /** The label, or its first words that fit and an ellipsis. */
    private static String shortened(String label) {
        if (label.length() <= LABEL_CHARACTERS) {
            return label;
        }
        String cut = label.substring(0, LABEL_CHARACTERS - 1);
        int space = cut.lastIndexOf(' ');
        return (space > LABEL_CHARACTERS / 2 ? cut.substring(0, space) : cut).stripTrailing() + "\u2026";
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>%n", x1, y1, x2, y2, AXIS);
    }

    private static String text(int x, int y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"12\" "
                + "font-family=\"sans-serif\" fill=\"#222\">%s</text>%n", x, y, anchor, HtmlReport.escape(content));
    }
}
