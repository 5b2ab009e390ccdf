/**
 * The rubric as hidden tests declare it: {@link grader.rubric.Points} on each test method, who sees
 * the result, and the report-entry keys that name a diagnosed misconception ({@link grader.rubric.Diagnoses}). The only grader package the hidden tests import; it uses no other.
 */
package grader.rubric;
