/**
 * {@code selfcheck}: the grader graded on submissions whose right score is known (the solution, the stub,
 * every mutant), through the same isolated runner students get. Uses the engine and {@code grader.mutants};
 * never {@code grader.cli}.
 */
package grader.selfcheck;
