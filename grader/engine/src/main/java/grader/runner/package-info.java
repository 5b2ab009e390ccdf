/**
 * Runs the hidden tests against untrusted student code in child JVMs, and decides how each test ended.
 * Uses {@code grader.harness} (the child loads and launches tests as every run does), {@code sandbox},
 * {@code common}, {@code report} and {@code rubric}; never {@code grader.pipeline}.
 *
 * <h2>What the grader does with untrusted code</h2>
 * <ul>
 *   <li>Only the student's {@code Model.java} is taken; {@code Layer}, {@code BatchNorm}, {@code Training} and
 *       {@code MiniBatches} come from the kit. It is compiled against the autodiff classes only, so grader and JUnit classes
 *       cannot even be named.</li>
 *   <li>A static check on the compiler's attributed tree allows only {@code java.lang}, {@code java.util},
 *       {@code java.util.function}, {@code java.util.stream}, {@code java.math}, {@code java.time},
 *       {@code java.text}, {@code autodiff} and printing, and within them forbids {@code System.exit},
 *       {@code Runtime}, processes, reflection and class resources, threads and parallel streams, class
 *       loaders, {@code System.setOut/setErr/setProperty}, and {@code native} methods.</li>
 *   <li>Tests run in a child JVM per submission ({@code -Xmx256m}, exit on out-of-memory, empty
 *       environment, stdin closed after the request, a scratch working folder). The parent kills the
 *       child's process tree when a test outlives its limit or the run its total limit; a fresh child (a
 *       spare started ahead, {@code SpareChild}) runs the tests that remain. Console output is captured and capped at 64 KiB.</li>
 *   <li>Results travel over a Unix-domain socket file (it crosses into a sandbox without a network) the
 *       child connects to before any student class is loaded; the parent accepts a single connection and
 *       only lines carrying a 192-bit secret sent on the child's stdin. Printing fake results, in any
 *       format, changes nothing.</li>
 *   <li>On Linux with bubblewrap, the child runs in a kernel sandbox ({@code grader.sandbox}): no network,
 *       none of the grading user's files, a slim class path, limits on processes and files; optionally as
 *       another user.</li>
 * </ul>
 *
 * <h2>What it cannot prevent</h2>
 * <ul>
 *   <li>Where bubblewrap cannot run (no package, or a container whose seccomp profile refuses namespaces)
 *       and no child user is given, the child runs as the grader's user: code that got past the static
 *       check (a JDK API we did not foresee, or a javac bug) could read or write that user's files.</li>
 *   <li>Code in the same JVM as the listener could in principle forge results if it could reach the
 *       listener's socket or secret; both live in private fields, and reaching them needs reflection,
 *       which the static check forbids.</li>
 *   <li>CPU use within the time limits is not throttled, and a test can read anything the hidden tests
 *       pass to it (and print it): hidden inputs are not secret from a determined student.</li>
 * </ul>
 */
package grader.runner;
