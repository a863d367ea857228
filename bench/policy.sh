#!/usr/bin/env bash
# Content-policy benchmark on the labelled sets under src/test/resources/policy (docs/content-policy.md).
#   prompts: on the in-sample set (prompts.tsv, written with the rules) and the held-out set (prompts-heldout.tsv,
#            written afterwards): precision and recall per category, false positives on allowed prompts, time per
#            check, and every prompt decided wrongly (dev.vidgate.policy.PolicyBenchmark).
#            RULES=dir scores that directory's rule files instead of the shipped ones.
#   images:  the face detector on policy/faces (manifest.csv): each picture as a 1280x720 reference, one warm-up pass,
#            then face recall, the false-positive rate and the time per check (mean and p95 over the set), on the whole
#            set and on its tuning and held-out halves.
#            FACES="minFaceSize workSide scaleFactor" (e.g. "40 480 1.2") tries other settings than the shipped ones.
# Usage: bench/policy.sh [prompts] [images]      (no argument: both)
set -euo pipefail
cd "$(dirname "$0")/.."
SECTIONS=("${@:-prompts images}")
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./mvnw -q -B test-compile >/dev/null 2>&1 || ./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null 2>&1
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

for section in ${SECTIONS[@]}; do
  case "$section" in
    prompts)
      # shellcheck disable=SC2086
      "$JAVA" --enable-native-access=ALL-UNNAMED -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP" \
        dev.vidgate.policy.PolicyBenchmark ${RULES:-} ;;
    images)
      # shellcheck disable=SC2086
      "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP" \
        dev.vidgate.policy.faces.FaceBenchmark ${FACES:-} ;;
    *) echo "unknown section: $section (known: prompts, images)" >&2; exit 2 ;;
  esac
done
