#!/usr/bin/env bash
# Grades one submission with the grader jar and always leaves a results file behind.
# Shared by Gradescope's run_autograder and PrairieLearn's run.sh.
#
# Usage: grade_submission.sh JAR SUBMISSION_DIR FORMAT RESULTS_FILE
#   FORMAT is gradescope or prairielearn (the grader's --format).
#   GRADER_USER names the unprivileged user that runs the grader when this script runs as root.
#
# Why a copy and a second user: the submission is untrusted code. As root, this script copies the jar
# and the submission into a fresh folder owned by GRADER_USER and runs the grader (which runs the
# student's code in its child JVM) as that user, so the code can read nothing that user cannot read and
# cannot write the platform's folders (/autograder/source, /autograder/results, /grade/results) or the
# results file: only this script, as root, copies the grader's JSON there at the end.
set -uo pipefail

if [ "$#" -ne 4 ]; then
    echo "usage: grade_submission.sh JAR SUBMISSION_DIR FORMAT RESULTS_FILE" >&2
    exit 2
fi
jar=$1
submission=$2
format=$3
results=$4
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
    if id -u "$grader_user" >/dev/null 2>&1 && command -v runuser >/dev/null 2>&1; then
        chown -R "$grader_user" "$work"
        run_as=(runuser -u "$grader_user" --)
        echo "Grading as the unprivileged user '$grader_user'."
    else
        echo "WARNING: running as root and user '$grader_user' does not exist (or runuser is missing):" \
             "the submission runs as root. Create the user (setup.sh does) or set GRADER_USER." >&2
    fi
else
    echo "Grading as $(id -un) (not root, so no other user to switch to)."
fi

cd "$work" || exit 1
"${run_as[@]}" env HOME="$work" java -jar "$work/grader.jar" grade "$work/submission" \
    --format "$format" --out "$work/out/results.json"
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
