#!/usr/bin/env bash
# Relay polling benchmark: many in-flight upstream jobs that never finish, on a fast local fake upstream
# (real HTTP on 127.0.0.1, same JVM), polled with the production settings. Prints how often each job is
# refreshed (p50/p99/max time between two polls of a job, as the upstream sees it), upstream requests/s,
# CPU and heap/RSS. Target: every job refreshed at least every 5 s.
# Usage: bench/relay.sh [jobs=10000] [measured seconds=60] [channels=4]
#        bench/relay.sh callbacks [jobs=40]: time from upstream completion to our "completed", with and without
#        provider callbacks, both runs in the same minute (RelayCallbackBenchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

. bench/lib.sh
bench_classpath
if [ "${1:-}" = callbacks ]; then
  exec "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP" \
    dev.vidgate.engine.relay.RelayCallbackBenchmark "${2:-40}"
fi
"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP" \
  dev.vidgate.engine.relay.RelayPollingBenchmark "${1:-10000}" "${2:-60}" "${3:-4}"
