/**
 * The kit's differentiable-programming core, shared by students and the grader: {@link autodiff.Matrix}
 * (immutable dense values), {@link autodiff.Node} (reverse-mode autodiff, each op's value and local gradient
 * side by side), {@link autodiff.GradCheck} and the breast-cancer data set. Depends on nothing but the JDK.
 */
package autodiff;
