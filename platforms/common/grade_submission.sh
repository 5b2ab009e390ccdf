#!/usr/bin/env bash
# Grades one submission with the grader jar and always leaves a results file behind.
# Shared by Gradescope's run_autograder and PrairieLearn's run.sh.
#
# Usage: grade_submission.sh JAR SUBMISSION_DIR FORMAT RESULTS_FILE [GRADER_OPTION...]
#   FORMAT is gradescope or prairielearn (the grader's --format); GRADER_OPTIONs go to `grade` as they are
#   (run.sh passes its time limits, run_autograder --timing).
#   GRADER_USER names the unprivileged user that runs the student's code when this script runs as root.
#   GRADER_HEAP is the grader's own heap (default 256m); the test JVM's is the grader's --memory.
#
# Why a second user: the submission is untrusted code, and grader.jar holds the hidden tests, the mutants
# and the reference solution. Gradescope's security best practices
# (https://gradescope-autograders.readthedocs.io/en/latest/best_practices/, "Run your autograder as a
# non-root user") say: run the grader as root, run only the student's code as an unprivileged user, and take
# "others" access away from the source and results folders. So, as root, this script:
#   - with a grader that has `--child-user` (the test JVM as another user, from a slim copy of only the
#     classes the tests need): runs the grader as root and only the test JVM as GRADER_USER, which can read
#     neither grader.jar nor the results;
#   - with an older grader: copies the jar and the submission to a folder owned by GRADER_USER and runs the
#     whole grader as that user (the student's code can then read the jar, but not write the results).
# Either way only this script, as root, copies the grader's JSON to the results file at the end.
set -uo pipefail

if [ "$#" -lt 4 ]; then
    echo "usage: grade_submission.sh JAR SUBMISSION_DIR FORMAT RESULTS_FILE [GRADER_OPTION...]" >&2
    exit 2
fi
jar=$1
submission=$2
format=$3
results=$4
shift 4
grader_options=("$@")
grader_user=${GRADER_USER:-nobody}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/submission" "$work/out"
cp "$jar" "$work/grader.jar"
if [ -d "$submission" ]; then
    # -P keeps links as links: the grader refuses them instead of following them
    cp -RP "$submission/." "$work/submission/"
fi

run_as=()
if [ "$(id -u)" -eq 0 ]; then
    # the whole help text, not `| grep -q` (with pipefail, an early grep exit could fail the pipe)
    grade_help=$(java -jar "$work/grader.jar" grade --help 2>/dev/null || true)
    if ! id -u "$grader_user" >/dev/null 2>&1; then
        echo "WARNING: running as root and user '$grader_user' does not exist: the submission runs as root." \
             "Create the user (setup.sh does) or set GRADER_USER." >&2
    elif [[ $grade_help == *--child-user* ]]; then
        chmod 700 "$work"
        grader_options+=(--child-user "$grader_user")
        echo "Grading as root; the tests run as the unprivileged user '$grader_user'."
    elif command -v runuser >/dev/null 2>&1; then
        chown -R "$grader_user" "$work"
        run_as=(runuser -u "$grader_user" --)
        echo "Grading as the unprivileged user '$grader_user'."
    else
        echo "WARNING: runuser is missing: the submission runs as root." >&2
    fi
else
    echo "Grading as $(id -un) (not root, so no other user to switch to)."
fi

cd "$work" || exit 1
echo "Java: $(java -version 2>&1 | head -n 1)"
"${run_as[@]}" env HOME="$work" java "-Xmx${GRADER_HEAP:-256m}" -jar "$work/grader.jar" grade "$work/submission" \
    --format "$format" --out "$work/out/results.json" "${grader_options[@]}"
grader_exit=$?
echo "The grader exited with code $grader_exit."

mkdir -p "$(dirname "$results")"
if [ -s "$work/out/results.json" ]; then
    cp "$work/out/results.json" "$results.part" && mv -f "$results.part" "$results"
    exit 0
fi

# No JSON at all means the grader itself failed (not the student's code, whose failures the grader
# scores): tell the student to contact the instructor, and on PrairieLearn do not spend an attempt.
message="The autograder could not grade this submission (grader exit code $grader_exit). This is not a problem with your code's score: please tell your instructor."
case "$format" in
    prairielearn)
        printf '{"gradable":false,"score":0.0,"format_errors":["%s"],"message":"%s"}\n' "$message" "$message" > "$results" ;;
    *)
        printf '{"score":0.0,"output":"%s","tests":[]}\n' "$message" > "$results" ;;
esac
exit 0
