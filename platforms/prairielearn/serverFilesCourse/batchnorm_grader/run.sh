#!/usr/bin/env bash
# The external grader's entrypoint (info.json: externalGradingOptions.entrypoint). PrairieLearn runs it in
# the grading container with the student's files in /grade/student and expects
# /grade/results/results.json (https://prairielearn.readthedocs.io/en/latest/externalGrading/).
# PL_GRADE_ROOT replaces /grade (the kit's tests use a temporary folder laid out the same way).
set -uo pipefail
root=${PL_GRADE_ROOT:-/grade}
here="$root/serverFilesCourse/batchnorm_grader"
export GRADER_USER=${GRADER_USER:-nobody}
exec bash "$here/grade_submission.sh" "$here/grader.jar" "$root/student" prairielearn "$root/results/results.json"
