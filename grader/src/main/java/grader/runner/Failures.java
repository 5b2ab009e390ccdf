package grader.runner;

/** Turns a test's throwable into the sentence a student reads: the message, and where in their code it came from. */
final class Failures {
    private static final String STUDENT_PACKAGE = "batchnorm.";

    private Failures() {}

    static String describe(Throwable thrown) {
        if (thrown instanceof StackOverflowError) {
            return "stack overflow: a method calls itself (or a cycle of methods calls itself) without end"
                    + where(thrown);
        }
        String message = thrown.getMessage();
        if (thrown instanceof AssertionError) {
            return message == null || message.isBlank() ? "assertion failed" + where(thrown) : message;
        }
        return thrown.getClass().getName() + (message == null ? "" : ": " + message) + where(thrown);
    }

    /** " (at Model.java:64, in Model.trainingMode)" for the first frame in the student's code, or "". */
    private static String where(Throwable thrown) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith(STUDENT_PACKAGE)) {
                String className = frame.getClassName().substring(STUDENT_PACKAGE.length());
                return " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ", in " + className + "."
                        + frame.getMethodName() + ")";
            }
        }
        return "";
    }
}
