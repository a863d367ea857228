#!/usr/bin/env bash
# Content policy benchmark (issue 21): the measured quality of the checks on the labelled sets under
# src/test/resources/policy/. Prompts: precision and recall per category, false positives on allowed
# prompts, time per check, and every prompt decided wrongly. Images: the face detector's section of
# dev.vidgate.policy.PolicyBenchmark (images()). Usage: bench/policy.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./mvnw -q -B test-compile >/dev/null 2>&1 || ./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null 2>&1
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"

# --- prompts and images (one main class; the images section is the face detector's)
"$JAVA" --enable-native-access=ALL-UNNAMED -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP" \
  dev.vidgate.policy.PolicyBenchmark
