package grader.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import grader.report.GradeReport;

/** The formats a report can be written in. */
public enum ReportFormat {
    GRADESCOPE,
    PRAIRIELEARN,
    TEXT;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** The report as this format's text; {@code withTiming} adds Gradescope's execution_time. */
    public String render(GradeReport report, boolean withTiming) {
        return switch (this) {
            case GRADESCOPE -> GSON.toJson(GradescopeJson.of(report, withTiming)) + "\n";
            case PRAIRIELEARN -> GSON.toJson(PrairieLearnJson.of(report)) + "\n";
            case TEXT -> TextReport.of(report);
        };
    }
}
