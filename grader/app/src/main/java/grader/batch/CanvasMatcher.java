package grader.batch;

import grader.batch.CanvasGradebook.Student;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Pairs submissions with the students of a Canvas export, in three passes, each only over what is still
 * unpaired so that an exact match always wins: (1) a login or e-mail the submission was discovered with
 * (or its folder name) equals the student's SIS Login ID; (2) they agree before the {@code @} (a Gradescope
 * e-mail {@code ann@uni.edu} against a SIS Login ID {@code ann}, or the other way round); (3) a Gradescope
 * student id equals the SIS User ID. A key that fits two students pairs with neither; a group submission
 * pairs with every submitter it finds. Case never matters.
 */
final class CanvasMatcher {
    private CanvasMatcher() {}

    /** A submission that no student row was found for, and why. */
    record Unmatched(String id, String name, String reason) {}

    /**
     * @param students each submission's students, in submission order; a student appears under one submission
     * @param unmatched submissions without any student
     * @param withoutSubmission students no submission was paired with, in the export's order
     */
    record Result(Map<Submission, List<Student>> students, List<Unmatched> unmatched, List<Student> withoutSubmission) {}

    static Result match(List<Submission> submissions, List<Student> students) {
        List<Submission> sorted = submissions.stream().sorted(Comparator.comparing(Submission::id)).toList();
        Map<Submission, List<Student>> paired = new LinkedHashMap<>();
        sorted.forEach(submission -> paired.put(submission, new ArrayList<>()));
        Map<Student, Submission> owner = new HashMap<>();
        pass(sorted, students, paired, owner, CanvasMatcher::logins, (key, student) -> same(key, student.sisLoginId()));
        pass(sorted, students, paired, owner, CanvasMatcher::logins,
                (key, student) -> same(localPart(key), localPart(student.sisLoginId())));
        pass(sorted, students, paired, owner, Submission::studentIds, (key, student) -> same(key, student.sisUserId()));
        List<Unmatched> unmatched = new ArrayList<>();
        paired.forEach((submission, found) -> {
            if (found.isEmpty()) {
                unmatched.add(new Unmatched(submission.id(), submission.name(), "no SIS Login ID or SIS User ID equals "
                        + String.join(", ", keys(submission))));
            }
        });
        paired.values().removeIf(List::isEmpty);
        return new Result(paired, unmatched, students.stream().filter(student -> !owner.containsKey(student)).toList());
    }

    private static void pass(List<Submission> submissions, List<Student> students, Map<Submission, List<Student>> paired,
                             Map<Student, Submission> owner, java.util.function.Function<Submission, List<String>> keysOf,
                             BiPredicate<String, Student> fits) {
        for (Submission submission : submissions) {
            if (!paired.get(submission).isEmpty()) {
                continue;
            }
            for (String key : keysOf.apply(submission)) {
                List<Student> candidates = students.stream().filter(student -> fits.test(key, student)).toList();
                if (candidates.size() == 1 && !owner.containsKey(candidates.get(0))) {
                    owner.put(candidates.get(0), submission);
                    paired.get(submission).add(candidates.get(0));
                }
            }
        }
    }

    /** The logins and e-mails, then the folder name, which is often the login when an instructor collected the files. */
    private static List<String> logins(Submission submission) {
        List<String> keys = new ArrayList<>(submission.logins());
        if (submission.layout() == Submission.Layout.FOLDER || submission.layout() == Submission.Layout.ZIP) {
            keys.add(submission.id());
        }
        return keys;
    }

    private static List<String> keys(Submission submission) {
        List<String> keys = new ArrayList<>(logins(submission));
        keys.addAll(submission.studentIds());
        return keys.isEmpty() ? List.of("(no login, e-mail or student id known)") : keys;
    }

    private static boolean same(String key, String value) {
        return !key.isBlank() && key.strip().toLowerCase(Locale.ROOT).equals(value.strip().toLowerCase(Locale.ROOT));
    }

    private static String localPart(String login) {
        int at = login.indexOf('@');
        return at < 0 ? login : login.substring(0, at);
    }
}
