/**
 * The command line of {@code grader.jar}: {@code grade}, {@code selfcheck}, and the root command that lists
 * them with {@code grade-all} and {@code package}. The top of the application: it may use every package,
 * and none uses it.
 */
package grader.cli;
