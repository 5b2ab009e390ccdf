package grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class HandoutPomTest {

    @Test
    void theHandoutPomKeepsTheKitsVersionsAndOnlyTheStudentModules() throws IOException {
        String kitPom = Files.readString(Kit.root().resolve("pom.xml"));
        String handoutPom = HandoutPom.fromKitPom(kitPom);

        assertTrue(handoutPom.contains("<module>autodiff</module>") && handoutPom.contains("<module>student</module>"),
                "the handout builds autodiff and student");
        assertFalse(handoutPom.contains("<module>solution</module>"), "students never get the solution module");
        assertFalse(handoutPom.contains("<module>grader</module>"), "students never get the grader module");
        String kitProperties = kitPom.substring(kitPom.indexOf("<properties>"), kitPom.indexOf("</properties>"));
        assertTrue(handoutPom.contains(kitProperties), "versions stay exactly those pinned in the kit's root pom");
        assertTrue(handoutPom.contains("<surefire.failIfNoSpecifiedTests>false</surefire.failIfNoSpecifiedTests>"),
                "-Dtest=... from the handout's root must not fail in the autodiff module");
        String kitBuild = kitPom.substring(kitPom.indexOf("<build>"));
        assertTrue(handoutPom.endsWith(kitBuild), "plugin management and the enforcer rules are kept");
    }

    @Test
    void aPomWithoutModulesIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> HandoutPom.fromKitPom("<project><properties/><artifactId>x</artifactId></project>"));
        assertEquals("the kit's root pom has no <modules> element to replace", refused.getMessage());
    }

    @Test
    void aPomWithTwoModuleListsIsRefusedRatherThanHalfRewritten() {
        String twoLists = "<project><modules><module>a</module></modules><profiles><profile><modules><module>b</module>"
                + "</modules></profile></profiles></project>";
        assertThrows(IllegalStateException.class, () -> HandoutPom.fromKitPom(twoLists));
    }
}
