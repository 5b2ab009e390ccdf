package kit.stubs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a solution source file into its student version: every {@code // BEGIN SOLUTION} ...
 * {@code // END SOLUTION} block becomes the stub it carries.
 *
 * <p>Inside a block, {@code // STUB: <text>} lines become {@code <text>} at the STUB line's
 * indentation, and {@code // TODO} comment lines are kept; everything else is the answer and is
 * dropped. A block without STUB lines becomes
 * {@code throw new UnsupportedOperationException("Exercise N is not implemented yet ...")}, which
 * needs the exercise number in its marker: {@code // BEGIN SOLUTION (Exercise 2)}.
 */
public final class SolutionBlocks {
    private static final Pattern BEGIN = Pattern.compile("^(\\s*)// BEGIN SOLUTION(?: \\(Exercise (\\d+)\\))?\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END SOLUTION\\s*$");
    private static final Pattern STUB = Pattern.compile("^(\\s*)// STUB: (.*)$");
    private static final Pattern TODO = Pattern.compile("^\\s*// TODO\\b.*$");

    private SolutionBlocks() {}

    /** True when the file has at least one solution block (otherwise students get it as it is). */
    public static boolean hasBlocks(List<String> lines) {
        return lines.stream().anyMatch(line -> line.contains("BEGIN SOLUTION"));
    }

    /**
     * The student version of {@code lines}.
     *
     * @param fileName used in error messages only
     * @throws StubSyntaxException for a misspelt or unbalanced marker, a STUB line outside a block,
     *                             or a block with neither STUB lines nor an exercise number
     */
    public static List<String> toStub(String fileName, List<String> lines) {
        List<String> out = new ArrayList<>();
        Block open = null;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            int lineNumber = index + 1;
            Matcher begin = BEGIN.matcher(line);
            if (begin.matches()) {
                if (open != null) {
                    throw new StubSyntaxException(fileName, lineNumber,
                            "BEGIN SOLUTION inside the block opened at line " + open.beginLine + " (blocks do not nest)");
                }
                open = new Block(lineNumber, begin.group(1), begin.group(2));
            } else if (END.matcher(line).matches()) {
                if (open == null) {
                    throw new StubSyntaxException(fileName, lineNumber, "END SOLUTION without a BEGIN SOLUTION before it");
                }
                out.addAll(open.stub(fileName));
                open = null;
            } else if (line.contains("BEGIN SOLUTION") || line.contains("END SOLUTION")) {
                throw new StubSyntaxException(fileName, lineNumber, "misspelt marker '" + line.strip()
                        + "'; write '// BEGIN SOLUTION', '// BEGIN SOLUTION (Exercise N)' or '// END SOLUTION' alone on the line");
            } else if (open != null) {
                open.keep(line);
            } else if (STUB.matcher(line).matches()) {
                throw new StubSyntaxException(fileName, lineNumber, "STUB line outside a solution block");
            } else {
                out.add(line);
            }
        }
        if (open != null) {
            throw new StubSyntaxException(fileName, open.beginLine, "BEGIN SOLUTION is never closed by an END SOLUTION");
        }
        return out;
    }

    /** An open block: what it will leave in the student's file. */
    private static final class Block {
        final int beginLine;
        final String indentation;
        final String exercise;
        final List<String> kept = new ArrayList<>();
        boolean hasStub;

        Block(int beginLine, String indentation, String exercise) {
            this.beginLine = beginLine;
            this.indentation = indentation;
            this.exercise = exercise;
        }

        void keep(String line) {
            Matcher stub = STUB.matcher(line);
            if (stub.matches()) {
                kept.add(stub.group(1) + stub.group(2));
                hasStub = true;
            } else if (TODO.matcher(line).matches()) {
                kept.add(line);
            }
        }

        List<String> stub(String fileName) {
            if (hasStub) {
                return kept;
            }
            if (exercise == null) {
                throw new StubSyntaxException(fileName, beginLine, "a block without STUB lines needs its exercise number: "
                        + "'// BEGIN SOLUTION (Exercise N)'");
            }
            List<String> withThrow = new ArrayList<>(kept);
            withThrow.add(indentation + "throw new UnsupportedOperationException(\"Exercise " + exercise
                    + " is not implemented yet (see exercises.md)\");");
            return withThrow;
        }
    }
}
