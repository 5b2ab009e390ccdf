/**
 * The rubric as hidden tests declare it: {@link grader.rubric.Points} on each test method, and who sees
 * the result. The only grader package the hidden tests import; it uses no other.
 */
package grader.rubric;
