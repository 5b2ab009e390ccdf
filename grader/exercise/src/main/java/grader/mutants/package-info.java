/**
 * The catalog of typical mistakes ({@code /grader/mutants.json}): each a patch of the solution's Model.java
 * and the hidden tests that must catch it. The one reader of the file, for selfcheck, the exercise's tests
 * and the benchmark. Uses no grader package.
 */
package grader.mutants;
