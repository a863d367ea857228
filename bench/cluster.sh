#!/usr/bin/env bash
# Cluster benchmark: jobs per minute with 1, 2 and 3 Vidgate nodes (separate processes) sharing one
# embedded PostgreSQL, on this machine. Prints one line per node count.
# Usage: bench/cluster.sh [jobs per round, default 24]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
"${JAVA_HOME:+$JAVA_HOME/bin/}java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.vidgate.cluster.ClusterBenchmark "${1:-24}"
