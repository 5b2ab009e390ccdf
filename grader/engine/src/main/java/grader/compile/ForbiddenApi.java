package grader.compile;

import java.util.Optional;
import java.util.Set;

/**
 * The APIs a submission may not use, each with the reason a student reads. Exercise code only does
 * arithmetic on matrices; everything here could end, escape or spy on the grader's test JVM.
 */
enum ForbiddenApi {
    EXIT("ends the test JVM; throw an exception instead if something is wrong"),
    SYSTEM_STATE("changes the JVM's global state (streams, properties, native libraries); print with System.out.println only"),
    RUNTIME("java.lang.Runtime controls the JVM (exit, halt, processes)"),
    PROCESSES("starts or controls other processes"),
    REFLECTION("reflection (and class resources) can reach into the grader; call your own methods directly"),
    THREADS("starts threads; the exercise is single-threaded and the grader times each test on one thread"),
    FILES_AND_NETWORK("reads or writes files or the network; the exercise needs neither (the data set comes from BreastCancer.load())"),
    CLASS_LOADERS("class loaders can load code the grader has not checked"),
    INTERNAL("is an internal JDK API (sun.*, jdk.internal.*, com.sun.*)"),
    MANAGEMENT("manages or instruments the JVM"),
    NATIVE("native methods run code outside the JVM's control"),
    NOT_NEEDED("is outside the APIs the exercise needs (java.lang, java.util, java.math, java.time, java.text and "
            + "autodiff), which is all the grader allows");

    /** Packages whose types a submission may use, minus the rules above. */
    private static final Set<String> ALLOWED_PACKAGES = Set.of("java.lang", "java.util", "java.util.function",
            "java.util.stream", "java.util.regex", "java.util.random", "java.math", "java.time", "java.text");
    /** From java.io only what printing and exceptions need; a PrintStream may not be made (it can open files). */
    private static final Set<String> ALLOWED_IO_TYPES = Set.of("java.io.PrintStream", "java.io.IOException",
            "java.io.UncheckedIOException", "java.io.Serializable", "java.io.Serial");


    private static final Set<String> SYSTEM_STATE_MEMBERS = Set.of("setOut", "setErr", "setIn", "setProperty",
            "setProperties", "clearProperty", "setSecurityManager", "load", "loadLibrary", "console", "inheritedChannel");
    private static final Set<String> CLASS_REFLECTION_MEMBERS = Set.of("forName", "getDeclaredMethod",
            "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getDeclaredConstructor",
            "getDeclaredConstructors", "getMethod", "getMethods", "getField", "getFields", "getConstructor",
            "getConstructors", "newInstance", "getModule", "getDeclaredClasses", "getClasses", "getRecordComponents",
            "getEnclosingMethod", "getEnclosingConstructor", "getResource", "getResourceAsStream",
            "getProtectionDomain", "getSigners");
    private static final Set<String> THREAD_TYPES = Set.of("java.lang.Thread", "java.lang.ThreadGroup",
            "java.lang.Thread.Builder", "java.util.Timer", "java.util.TimerTask");
    private static final Set<String> PARALLEL_MEMBERS = Set.of("parallel", "parallelStream", "parallelSort",
            "parallelPrefix", "parallelSetAll");
    private static final Set<String> CLASS_LOADER_MEMBERS = Set.of("getClassLoader", "getSystemClassLoader",
            "getPlatformClassLoader", "getContextClassLoader", "setContextClassLoader");

    private final String reason;

    ForbiddenApi(String reason) {
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    /**
     * The rule a use breaks, if any.
     *
     * @param type   qualified name of the type used, or of the type declaring the member used
     * @param member the method or field used, or empty when the type itself is used
     */
    static Optional<ForbiddenApi> of(String type, String member) {
        if (inPackage(type, "batchnorm") || inPackage(type, "autodiff")) {
            return Optional.empty();
        }
        if (type.equals("java.lang.System") && member.equals("exit")) {
            return Optional.of(EXIT);
        }
        if (type.equals("java.lang.System") && SYSTEM_STATE_MEMBERS.contains(member)) {
            return Optional.of(SYSTEM_STATE);
        }
        if (type.equals("java.lang.Runtime") || type.startsWith("java.lang.Runtime.")) {
            return Optional.of(RUNTIME);
        }
        if (type.startsWith("java.lang.Process")) {
            return Optional.of(PROCESSES);
        }
        if (inPackage(type, "java.lang.reflect") || inPackage(type, "java.lang.invoke")
                || type.equals("java.lang.Module") || type.equals("java.lang.ModuleLayer")
                || (type.equals("java.lang.Class") && CLASS_REFLECTION_MEMBERS.contains(member))) {
            return Optional.of(REFLECTION);
        }
        if (THREAD_TYPES.contains(type) || inPackage(type, "java.util.concurrent") || PARALLEL_MEMBERS.contains(member)) {
            return Optional.of(THREADS);
        }
        if (type.startsWith("java.io.File") || type.equals("java.io.RandomAccessFile") || inPackage(type, "java.nio.file")
                || inPackage(type, "java.nio.channels") || inPackage(type, "java.net") || inPackage(type, "javax.net")
                || inPackage(type, "java.rmi")) {
            return Optional.of(FILES_AND_NETWORK);
        }
        if (type.endsWith("ClassLoader") || type.equals("java.util.ServiceLoader") || CLASS_LOADER_MEMBERS.contains(member)) {
            return Optional.of(CLASS_LOADERS);
        }
        if (inPackage(type, "sun") || inPackage(type, "jdk") || inPackage(type, "com.sun")) {
            return Optional.of(INTERNAL);
        }
        if (inPackage(type, "java.lang.management") || inPackage(type, "java.lang.instrument")
                || inPackage(type, "javax.management") || inPackage(type, "javax.script")) {
            return Optional.of(MANAGEMENT);
        }
        if (type.equals("java.io.PrintStream") && member.equals("<init>")) {
            return Optional.of(FILES_AND_NETWORK);
        }
        boolean allowed = ALLOWED_PACKAGES.contains(packageOf(type)) || ALLOWED_IO_TYPES.contains(type);
        if (!allowed || type.equals("java.util.Formatter")) {
            return Optional.of(NOT_NEEDED);
        }
        return Optional.empty();
    }

    /** {@code java.util.Map.Entry} is in {@code java.util}: the package ends before the first capitalised name. */
    static String packageOf(String type) {
        StringBuilder packageName = new StringBuilder();
        for (String part : type.split("\\.")) {
            if (part.isEmpty() || Character.isUpperCase(part.charAt(0))) {
                break;
            }
            packageName.append(packageName.length() == 0 ? "" : ".").append(part);
        }
        return packageName.toString();
    }

    private static boolean inPackage(String type, String packageName) {
        return type.equals(packageName) || type.startsWith(packageName + ".");
    }
}
