#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder image
# (https://gradescope-autograders.readthedocs.io/en/latest/specs/).
# It installs a Java 17 JDK from the distribution's repositories (a JDK, not a JRE: the grader compiles
# submissions in-process with javax.tools) and creates the unprivileged user that runs student code.
# Nothing else comes from the network: grader.jar carries every library the grader needs.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

apt-get update
apt-get install -y --no-install-recommends openjdk-17-jdk-headless
# The kernel sandbox around each test JVM (grade --sandbox auto uses it where the container allows it).
apt-get install -y --no-install-recommends bubblewrap
apt-get clean

# run_autograder grades as this user (GRADER_USER); it owns nothing and cannot log in.
if ! id -u student >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin student
fi

java -version
