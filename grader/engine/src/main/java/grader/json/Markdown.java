package grader.json;

/** The little Markdown the Gradescope output needs: text that must reach the student exactly as it is. */
final class Markdown {
    private Markdown() {}

    /**
     * {@code text} in a fenced code block, so that {@code List<Node>}, {@code <true>} and javac's caret
     * lines are shown as written. The fence is one backtick longer than the longest run in the text
     * (CommonMark 4.5), so no content can close it early.
     */
    static String fenced(String text) {
        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(Math.max(3, longestRun + 1));
        return fence + "text\n" + text.strip() + "\n" + fence;
    }
}
