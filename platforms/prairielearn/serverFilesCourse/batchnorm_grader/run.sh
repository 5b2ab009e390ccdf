#!/usr/bin/env bash
# The external grader's entrypoint (info.json: externalGradingOptions.entrypoint). PrairieLearn runs it in
# the grading container with the student's files in /grade/student and expects
# /grade/results/results.json (https://prairielearn.readthedocs.io/en/latest/externalGrading/).
# PL_GRADE_ROOT replaces /grade (the kit's tests use a temporary folder laid out the same way).
#
# Time limits, from one number. PrairieLearn kills the container when info.json's `timeout` runs out and
# the student sees a grading failure instead of a score, so the grader must stop its tests well before:
#   QUESTION_TIMEOUT  = info.json's externalGradingOptions.timeout (keep the two equal; a test checks it)
#   --total-timeout   = QUESTION_TIMEOUT - 30 s, the 30 s left for the JVM start, the compile, the static
#                       check, killing a looping test JVM and writing results.json
# Each test keeps its own limit, measured from the reference solution (docs/instructors.md#time-limits:
# max(0.5 s, 10 x the reference's processor time); their sum is well under the total), so an endless loop
# costs the tests it hangs about half a second each, and the student still gets the points of the others.
set -uo pipefail
root=${PL_GRADE_ROOT:-/grade}
here="$root/serverFilesCourse/batchnorm_grader"
QUESTION_TIMEOUT=120
total_timeout=$((QUESTION_TIMEOUT - 30))
# prairielearn/grader-java has the user sbuser for untrusted code; other images (eclipse-temurin) do not
if [ -z "${GRADER_USER:-}" ]; then
    GRADER_USER=nobody
    id -u sbuser >/dev/null 2>&1 && GRADER_USER=sbuser
fi
export GRADER_USER
exec bash "$here/grade_submission.sh" "$here/grader.jar" "$root/student" prairielearn "$root/results/results.json" \
    --total-timeout "$total_timeout"
