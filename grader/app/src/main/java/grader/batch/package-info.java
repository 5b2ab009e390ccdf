/**
 * {@code grade-all}: a whole class graded with one warm grader, resumable, with the class's CSV, summary
 * (misconceptions counted), similarity pairs, changes since the previous run, the Canvas gradebook import
 * and the HTML report. Uses the engine and {@code grader.command}; never {@code grader.cli}.
 */
package grader.batch;
