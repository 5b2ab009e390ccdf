/**
 * {@code grade-all}: a whole class graded with one warm grader, resumable, with the class's CSV, summary,
 * similarity pairs and HTML report. Uses the engine and {@code grader.command}; never {@code grader.cli}.
 */
package grader.batch;
