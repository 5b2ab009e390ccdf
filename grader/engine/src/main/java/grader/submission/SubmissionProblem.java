package grader.submission;

/**
 * A submission the grader cannot or will not grade (unreadable zip, no Model.java, foreign classes).
 * The message is written for the student and ends up in the JSON.
 */
public final class SubmissionProblem extends Exception {
    public SubmissionProblem(String message) {
        super(message);
    }
}
