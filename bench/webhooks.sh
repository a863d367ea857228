#!/usr/bin/env bash
# Webhook delivery benchmark: N jobs (default 1,000) finish at once on one node (H2, the production delivery
# settings: 32 posts in flight, 10 s timeout), each event posted to a receiver on 127.0.0.1 that answers 200
# over real HTTP (same JVM). A warm-up of 500 events runs first, as on a node that has been up a while. Prints the delivery lag from job completion to the receiver's 2xx, p50/p99/max.
# Target: p99 <= 2 s. Usage: bench/webhooks.sh [jobs=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 \
  || ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP" \
  dev.vidgate.webhooks.WebhookLagBenchmark "${1:-1000}"
