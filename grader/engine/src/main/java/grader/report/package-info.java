/**
 * What grading found out, as immutable values: the planned tests, each test's outcome, and the whole
 * submission's report and verdict. Uses only {@code grader.rubric}; every output format is a view of it.
 */
package grader.report;
