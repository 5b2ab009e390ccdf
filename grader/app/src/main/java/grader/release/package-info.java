/**
 * {@code package}: the student handout, the Gradescope autograder and the PrairieLearn question, each a
 * deterministic zip of files bundled in the jar at build time, checked for leaks of the solution. Uses
 * only {@code grader.command}; never the engine or {@code grader.cli}.
 */
package grader.release;
