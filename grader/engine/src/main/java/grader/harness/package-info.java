/**
 * The one way the kit runs tests against a variant of the exercise: compile it ({@code grader.compile}),
 * load it child-first with the tests that link to it ({@link grader.harness.SubmissionClassLoader}),
 * discover the rubric ({@link grader.harness.TestCatalog}) and launch JUnit the same way every time
 * ({@link grader.harness.TestLauncher}). The child JVM of {@code grader.runner} uses it for graded
 * submissions; {@link grader.harness.VariantHarness} uses it in-process for the kit's own tests (hidden
 * tests against mutants, self-checks against the stubs). May use {@code common}, {@code compile},
 * {@code submission}, {@code report} and {@code rubric}; never {@code runner} or {@code pipeline}.
 */
package grader.harness;
