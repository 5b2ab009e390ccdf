package kit.stubs;

/** A solution file whose markers cannot be turned into a stub; the message names the file and the line. */
public final class StubSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    StubSyntaxException(String fileName, int lineNumber, String problem) {
        super(fileName + ":" + lineNumber + ": " + problem);
    }
}
