/**
 * Benchmarks, run as commands and never as tests: each prints a same-run baseline and ends with a
 * {@code name=value} line. Built into {@code grader/bench/target/bench.jar}, outside the shipped grader.jar;
 * may use everything, and nothing uses it.
 */
package grader.bench;
