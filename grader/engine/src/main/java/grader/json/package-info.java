/**
 * The result formats: Gradescope's and PrairieLearn's {@code results.json} and the text report, all views of
 * a {@link grader.report.GradeReport}, and the sentences they share. Uses only {@code grader.report} and
 * {@code grader.rubric}: it never grades.
 */
package grader.json;
