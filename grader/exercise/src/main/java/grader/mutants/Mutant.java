package grader.mutants;

import java.util.List;

/**
 * A typical student mistake, made by patching the solution's Model.java, and the hidden tests that must
 * catch it. Read from {@code grader/mutants.json}.
 *
 * @param mustFail  test ids ({@code ClassSimpleName#methodName}) that must not pass; all others must pass
 * @param diagnoses the misconception ids its failed tests must name, all of them and no others
 */
public record Mutant(String name, String description, List<Patch> patches, List<String> mustFail,
                     List<String> diagnoses) {

    /** Replace the one occurrence of {@code find} in the solution with {@code replace}. */
    public record Patch(String find, String replace) {}

    /** The solution with every patch applied. */
    public String apply(String solution) throws BadPatchException {
        String patched = solution;
        for (int i = 0; i < patches.size(); i++) {
            String find = patches.get(i).find();
            int first = patched.indexOf(find);
            if (find.isEmpty() || first < 0) {
                throw new BadPatchException("patch " + (i + 1) + ": its find text is not in the solution's Model.java");
            }
            if (patched.indexOf(find, first + 1) >= 0) {
                throw new BadPatchException("patch " + (i + 1) + ": its find text occurs more than once; make it unique");
            }
            patched = patched.substring(0, first) + patches.get(i).replace() + patched.substring(first + find.length());
        }
        return patched;
    }

    /** A patch that no longer fits the solution: the catalog needs updating. */
    public static final class BadPatchException extends Exception {
        BadPatchException(String message) {
            super(message);
        }
    }
}
