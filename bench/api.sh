#!/usr/bin/env bash
# API benchmark: requests/s and latency of GET /v1/videos/{id} at 64 concurrent clients and of
# POST /v1/videos (JSON) at 16, against a freshly started server on 127.0.0.1. Prints its figures.
# Needs wrk (installed from Debian's packages if missing). Usage: [WARMUP=seconds] bench/api.sh [seconds per run]; GET is measured
# after WARMUP seconds (default 20) of the same load, and also reported as the server timed it (its own histogram).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
PORT="${BENCH_PORT:-18080}"
KEY="sk-bench-0123456789abcdefghijklmnop"
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
command -v wrk >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }

./mvnw -q -B package -DskipTests
DATA=$(mktemp -d)
. bench/lib.sh
SERVER=""
stop_on_exit "$DATA"
start_server "$DATA" "$PORT" "$KEY" "$DATA/server.log"

create_video "$PORT" "$KEY" 4 benchmark

report() { # name, wrk output
  local rps p50 p99
  rps=$(echo "$2" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$2" | awk '$1=="50%" {print $2}')
  p99=$(echo "$2" | awk '$1=="99%" {print $2}')
  printf '%-34s %10s req/s   p50 %8s   p99 %8s\n' "$1" "$rps" "$p50" "$p99"
  echo "$2" | grep -E "Non-2xx|Socket errors" || true
}

# Warm up the JIT (on 2 cores shared with wrk, C2 takes about 20 s to settle: the second 10 s still ran at a third of the
# rate), then measure.
wrk -t2 -c64 -d"${WARMUP:-20}s" -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/v1/videos/$ID" >/dev/null
BEFORE=$(server_counts "$PORT" "/v1/videos/{id}")
GET_OUT=$(wrk -t2 -c64 -d"${DURATION}s" --latency -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/v1/videos/$ID")
AFTER=$(server_counts "$PORT" "/v1/videos/{id}")

LUA="$DATA/post.lua"
cat > "$LUA" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"sora-2","prompt":"A video of a cool cat on a motorcycle in the night","size":"1280x720","seconds":"4"}'
LUA
POST_OUT=$(wrk -t2 -c16 -d"${DURATION}s" --latency -s "$LUA" -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/v1/videos")

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; run length ${DURATION}s each"
report "GET /v1/videos/{id}  (64 clients)" "$GET_OUT"
echo "  $(server_share "$BEFORE" "$AFTER")"
report "POST /v1/videos JSON (16 clients)" "$POST_OUT"
