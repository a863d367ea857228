#!/usr/bin/env bash
# Scale benchmark: fills a database with JOBS jobs (default 1,000,000: a tenth queued across 1,000 keys, the rest
# finished, a tenth of all with content past its expiry) in bulk through the store's own tables, starts a server on it
# and prints p50/p99 of the dispatcher's claim, GET of one job at 64 clients, the first and a deep page of
# GET /v1/videos (keyset paging with after), usage for a tenant, the expiry sweep's throughput while claims run,
# the start-up time on that database, and the database's size on disk after the fill and at the end. Runs on H2 (file)
# and on the embedded PostgreSQL, one after the other.
# Targets: claim p99 <= 5 ms, GET p99 <= 10 ms, list pages p99 <= 10 ms, usage <= 50 ms, sweep >= 5,000 jobs/s without
# raising claim p99, start <= 15 s.
# GET of one job is measured the way bench/api.sh does it, with wrk (installed from Debian's packages if missing) from
# outside the JVM: -t2 -c64 for 20 s to warm the server up, then 10 s with --latency, p50/p99 as wrk reports them. The
# other figures are timed inside the JVM (one client: the claim, pages, usage and sweep call the server's own code).
# Usage: bench/scale.sh [h2|postgres|both]     JOBS=100000 bench/scale.sh for a quick look
#        BENCH_JAVA_OPTS="-D..." reaches the bench's JVM (and so its server's settings), for experiments
#        bench/scale.sh explain h2|postgres "SQL"...   the plans and median times of queries on such a database (ScaleExplain)
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS="${JOBS:-1000000}"
KEYS="${KEYS:-1000}"
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

command -v wrk >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }

. bench/lib.sh
bench_classpath
if [ "${1:-}" = explain ]; then
  shift
  exec "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx2g ${BENCH_JAVA_OPTS:-} -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP" \
    dev.vidgate.bench.ScaleExplain "${1:-h2}" "$JOBS" "$KEYS" "${@:2}"
fi
case "${1:-both}" in
  both) DATABASES=(h2 postgres) ;;
  h2|postgres) DATABASES=("$1") ;;
  *) echo "usage: bench/scale.sh [h2|postgres|both]" >&2; exit 2 ;;
esac
for db in "${DATABASES[@]}"; do
  "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx2g ${BENCH_JAVA_OPTS:-} -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP" \
    dev.vidgate.bench.ScaleBenchmark "$db" "$JOBS" "$KEYS"
  echo
done
