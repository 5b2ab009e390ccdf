/**
 * What every part of the grader shares: its configuration ({@link grader.common.GraderConfig}), the kit
 * sources compiled with a submission, phase tracing, and file helpers (atomic writes, scratch folders,
 * the folders a submission's walk skips). A leaf: it uses no other grader package.
 */
package grader.common;
