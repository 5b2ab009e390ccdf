/**
 * Compiles a submission with the kit's given files in this JVM, against the autodiff classes only, and
 * runs the static check (an allow-list of JDK packages, with the dangerous APIs inside them refused) on
 * the student's file. Uses no other grader package: what to compile is handed to it.
 */
package grader.compile;
