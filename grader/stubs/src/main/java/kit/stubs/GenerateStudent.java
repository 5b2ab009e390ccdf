package kit.stubs;

import java.nio.file.Path;
import java.util.List;

/**
 * Regenerates {@code student/} from {@code solution/} (or, with {@code --check}, only reports the
 * drift). Usage: {@code GenerateStudent [--check] [repositoryRoot]}, the root defaulting to the
 * current folder.
 */
public final class GenerateStudent {
    /** The command that regenerates {@code student/}, printed wherever drift is found. */
    public static final String COMMAND = "mvn -B -ntp -q -pl solution -am -Pgenerate-student process-classes";

    private GenerateStudent() {}

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        boolean checkOnly = arguments.contains("--check");
        Path root = arguments.stream().filter(argument -> !argument.equals("--check")).findFirst()
                .map(Path::of).orElse(Path.of(".")).toAbsolutePath().normalize();
        StudentTree tree = new StudentTree(root);
        if (checkOnly) {
            List<String> differences = tree.differences();
            System.out.println(driftReport(differences));
            if (!differences.isEmpty()) {
                System.exit(1);
            }
        } else {
            tree.write();
            System.out.println("Regenerated student/ from solution/ in " + root);
        }
    }

    /** A readable report of {@link StudentTree#differences()}, ending with the command that fixes it. */
    public static String driftReport(List<String> differences) {
        if (differences.isEmpty()) {
            return "student/ matches the generator's output.";
        }
        StringBuilder report = new StringBuilder("student/ is out of date with solution/ (it is generated: do not edit it by hand):\n");
        differences.forEach(difference -> report.append("  - ").append(difference).append('\n'));
        return report.append("Regenerate it with:\n  ").append(COMMAND).toString();
    }
}
