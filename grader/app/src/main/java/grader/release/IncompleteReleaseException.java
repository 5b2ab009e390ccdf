package grader.release;

import java.util.List;

/** A release cannot be built because files it needs were not bundled into the grader. */
public final class IncompleteReleaseException extends IllegalStateException {
    private final List<String> missing;

    IncompleteReleaseException(String release, List<String> missing) {
        super("cannot build the " + release + ": the grader was built without " + String.join(", ", missing)
                + ". Build it from a complete checkout of the kit (mvn -B -ntp -pl grader -am package) and try again.");
        this.missing = List.copyOf(missing);
    }

    /** The archive paths that were expected and not found. */
    public List<String> missing() {
        return missing;
    }

    /** Throws when any of {@code required} is not among the entries' paths. */
    static void requireAll(String release, List<ArchiveEntry> entries, List<String> required) {
        List<String> present = entries.stream().map(ArchiveEntry::path).toList();
        List<String> missing = required.stream().filter(path -> !present.contains(path)).toList();
        if (!missing.isEmpty()) {
            throw new IncompleteReleaseException(release, missing);
        }
    }
}
