/**
 * The generator of {@code student/} from {@code solution/}: solution blocks become stubs, the answer sheet
 * loses its answers, and the drift check compares. A maintainer's build tool, on no shipped class path.
 */
package kit.stubs;
