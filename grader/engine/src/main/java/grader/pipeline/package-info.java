/**
 * The engine's front door: {@link grader.pipeline.Grader} unpacks, locates, compiles, checks and runs one
 * submission after another with a warm compiler. The top of the engine: it may use every engine package,
 * and none of them uses it.
 */
package grader.pipeline;
