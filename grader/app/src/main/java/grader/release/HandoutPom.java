package grader.release;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the kit's root pom into the handout's: the same versions, plugin settings and coordinates
 * (so {@code autodiff/pom.xml} and {@code student/pom.xml} keep their parent), with only the modules
 * students get. Versions therefore stay pinned in one place, the kit's root pom.
 */
final class HandoutPom {
    private static final Pattern MODULES = Pattern.compile("(?s)<modules>.*?</modules>");
    static final String HANDOUT_MODULES = """
            <modules>
                <module>autodiff</module>
                <module>student</module>
              </modules>""";
    /**
     * Lets {@code mvn test -Dtest=...} name self-checks from the handout's root (the README's
     * {@code -Dgroups=exercise2} needs nothing): without it the autodiff module, which has no
     * self-check, fails the build for running none of the named tests.
     */
    static final String ONE_EXERCISE_PROPERTY = """
                <!-- mvn test -Dtest=... names tests of the student module only: let autodiff run none -->
                <surefire.failIfNoSpecifiedTests>false</surefire.failIfNoSpecifiedTests>
              """;
    private static final String NOTE = """
            <!-- The student handout's build, made by `grader.jar package student` from the kit's root pom:
                 the same pinned versions, with only the autodiff and student modules. -->
            """;

    private HandoutPom() {
    }

    /** The handout's root pom made from the kit's root pom text. */
    static String fromKitPom(String kitPom) {
        Matcher modules = MODULES.matcher(kitPom);
        if (!modules.find()) {
            throw new IllegalStateException("the kit's root pom has no <modules> element to replace");
        }
        int start = modules.start();
        if (modules.find()) {
            throw new IllegalStateException("the kit's root pom has several <modules> elements (profiles?): "
                    + "grader.release.HandoutPom knows how to rewrite only one");
        }
        String pom = kitPom.substring(0, start) + HANDOUT_MODULES + kitPom.substring(kitPom.indexOf("</modules>", start) + "</modules>".length());
        int properties = pom.indexOf("</properties>");
        if (properties < 0) {
            throw new IllegalStateException("the kit's root pom has no <properties> element");
        }
        pom = pom.substring(0, properties) + ONE_EXERCISE_PROPERTY.stripLeading() + pom.substring(properties);
        int project = pom.indexOf("<project");
        return pom.substring(0, project) + NOTE + pom.substring(project);
    }
}
