package grader.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The grader's packages, read from the sources of every module under grader/: their uses (imports and
 * qualified names) form no cycle, and each module uses only the modules below it.
 */
class PackageGraphTest {
    private static final Path ROOT = Path.of(System.getProperty("kit.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    /** {@code grader.report.GradeReport} or {@code kit.stubs.StudentTree}, in an import or in code. */
    private static final Pattern USE = Pattern.compile("\\b((?:grader|kit)\\.[a-z]+)\\.[A-Z]");
    /** Modules in build order: a module may use its own packages and those of the modules before it. */
    private static final List<String> MODULES = List.of("stubs", "engine", "exercise", "app", "bench");

    /** The grader's packages as their sources show them: what each uses, and the module it lives in. */
    private record Graph(Map<String, Set<String>> uses, Map<String, String> moduleOf) {
        static Graph read() throws IOException {
            Map<String, Set<String>> uses = new TreeMap<>();
            Map<String, String> moduleOf = new TreeMap<>();
            for (String module : MODULES) {
                for (Map.Entry<String, Set<String>> entry : usesIn(ROOT.resolve("grader").resolve(module)).entrySet()) {
                    moduleOf.put(entry.getKey(), module);
                    uses.computeIfAbsent(entry.getKey(), key -> new TreeSet<>()).addAll(entry.getValue());
                }
            }
            return new Graph(uses, moduleOf);
        }
    }

    @Test
    void noPackageOfTheGraderUsesAnotherThatUsesItBack() throws IOException {
        Map<String, Set<String>> uses = Graph.read().uses();
        List<String> cycle = findCycle(uses);
        assertTrue(cycle.isEmpty(), "package cycle: " + String.join(" -> ", cycle) + "\nall uses: " + uses);
    }

    @Test
    void eachModuleUsesOnlyTheModulesBeforeIt() throws IOException {
        Graph graph = Graph.read();
        Map<String, String> moduleOf = graph.moduleOf();
        List<String> upward = new ArrayList<>();
        graph.uses().forEach((from, targets) -> targets.stream().filter(moduleOf::containsKey)
                .filter(to -> MODULES.indexOf(moduleOf.get(to)) > MODULES.indexOf(moduleOf.get(from)))
                .forEach(to -> upward.add(from + " (" + moduleOf.get(from) + ") uses " + to + " (" + moduleOf.get(to) + ")")));
        assertEquals(List.of(), upward, "uses that point up the module list " + MODULES);
        assertTrue(moduleOf.size() >= 15, "the graph was read from the sources: " + moduleOf.keySet());
    }

    /** Package to the other grader packages its main sources name. */
    private static Map<String, Set<String>> usesIn(Path module) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                if (!declared.find()) {
                    continue;
                }
                String from = declared.group(1);
                Set<String> targets = uses.computeIfAbsent(from, key -> new TreeSet<>());
                Matcher use = USE.matcher(source);
                while (use.find()) {
                    if (!use.group(1).equals(from)) {
                        targets.add(use.group(1));
                    }
                }
            }
        }
        return uses;
    }

    /** A cycle as the packages along it, or empty: depth-first search with the path on a stack. */
    private static List<String> findCycle(Map<String, Set<String>> uses) {
        Set<String> done = new TreeSet<>();
        for (String start : uses.keySet()) {
            List<String> cycle = visit(start, uses, new ArrayList<>(), done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, Set<String>> uses, List<String> path, Set<String> done) {
        if (path.contains(node)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        if (done.contains(node)) {
            return List.of();
        }
        path.add(node);
        for (String next : uses.getOrDefault(node, Set.of())) {
            List<String> cycle = visit(next, uses, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return List.of();
    }
}
