/**
 * The hidden tests of the batch-norm exercise, with the reference math, the diagnoses of typical mistakes
 * and the PyTorch fixture they compare with. They link to the submission's {@code batchnorm} classes and
 * the kit's training loop, and import only {@code autodiff}, {@code batchnorm}, JUnit, Gson and
 * {@code grader.rubric}: the child JVM loads them child-first next to the submission.
 */
package grader.hidden;
