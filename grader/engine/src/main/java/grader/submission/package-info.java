/**
 * Turns what a student handed in (a folder, a zip or a Model.java) into the one source to grade: safe
 * unpacking, finding Model.java, refusing what the grader will not take, with the reason a student reads.
 * Uses only {@code grader.common}; knows nothing of compiling or testing.
 */
package grader.submission;
