package grader.runner;

/** Turns a test's throwable into the sentence a student reads: the message, and where in their code it came from. */
final class Failures {
    private static final String STUDENT_PACKAGE = "batchnorm.";
    private static final java.util.regex.Pattern BOOLEAN_ECHO =
            java.util.regex.Pattern.compile("(?: ==> )?expected: <(?:true|false)> but was: <(?:true|false)>$");

    private Failures() {}

    static String describe(Throwable thrown) {
        if (thrown instanceof StackOverflowError) {
            return "stack overflow: a method calls itself (or a cycle of methods calls itself) without end"
                    + recursionSite(thrown);
        }
        String message = thrown.getMessage();
        if (thrown instanceof AssertionError) {
            String said = withoutBooleanEcho(message);
            return said.isBlank() ? "assertion failed" + where(thrown) : said;
        }
        return thrown.getClass().getName() + (message == null ? "" : ": " + message) + where(thrown);
    }

    /**
     * The message without what JUnit's assertTrue and assertFalse append to it, {@code ==> expected: <true> but
     * was: <false>}: the test's own message says what was expected, and a boolean tells a student nothing.
     */
    static String withoutBooleanEcho(String message) {
        return message == null ? "" : BOOLEAN_ECHO.matcher(message).replaceFirst("");
    }

    /** " (at Model.java:64, in Model.trainingMode)" for the first frame in the student's code, or "". */
    private static String where(Throwable thrown) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith(STUDENT_PACKAGE)) {
                return describe(frame);
            }
        }
        return "";
    }

    /**
     * The student's frame that repeats most: the recursive call. The top frame would name wherever the
     * stack happened to run out, which changes from run to run and would make the report differ.
     */
    private static String recursionSite(Throwable thrown) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith(STUDENT_PACKAGE)) {
                counts.merge(describe(frame), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey)
                .orElse("");
    }

    private static String describe(StackTraceElement frame) {
        return " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ", in "
                + readableName(frame.getClassName().substring(STUDENT_PACKAGE.length()), frame.getMethodName()) + ")";
    }

    /**
     * The code a frame is in, as the student wrote it rather than as javac names it: {@code Model$1} is an
     * anonymous class in Model, {@code Model$1Norm} the local class Norm, {@code Model$Stats} the nested
     * class Model.Stats, {@code lambda$batchNorm$0} a lambda in batchNorm (its number is javac's choice and
     * may differ between JDKs, so it is never shown).
     */
    static String readableName(String binaryClassName, String methodName) {
        String[] parts = binaryClassName.split("\\$");
        String type = parts[0];
        boolean anonymous = false;
        for (int i = 1; i < parts.length; i++) {
            String name = parts[i].replaceFirst("^[0-9]+", "");
            boolean local = name.length() < parts[i].length();
            anonymous = name.isEmpty();
            if (!anonymous) {
                type = local ? name : type + "." + name;
            }
        }
        boolean lambda = methodName.startsWith("lambda$");
        String method = lambda ? methodName.split("\\$")[1] : methodName;
        String code = switch (method) {
            case "<init>" -> anonymous ? "an anonymous class in " + type : "the constructor of " + type;
            case "<clinit>" -> "the static initialisation of " + type;
            default -> anonymous ? "method " + method + " of an anonymous class in " + type : type + "." + method;
        };
        return lambda ? "a lambda in " + code : code;
    }
}
