# Shared by the bench scripts (sourced from the repository's root, after JAVA_HOME is set); not run on its own.

# Compiles the tests and sets CP to the classpath the benchmark classes run with.
bench_classpath() {
  ./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B test-compile
  ./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 \
    || ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
  CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
}

# stop_on_exit DIR...: when the script ends, stops the server (SERVER) and nginx (NGINX_PID) if they were started and
# removes the DIRs, keeping the script's own exit status (under set -e the killed server's status, 143, would become it).
stop_on_exit() {
  CLEANUP_DIRS=("$@")
  trap cleanup EXIT
}
cleanup() {
  local status=$?
  for pid in "${SERVER:-}" "${NGINX_PID:-}"; do
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  rm -rf "${CLEANUP_DIRS[@]}"
  exit "$status"
}

# The admin key of the bench servers: it reads their own latency histogram (server_share).
BENCH_ADMIN_KEY="sk-bench-admin-0123456789abcdefghijklm"

# start_server DATA_DIR PORT KEY LOG: starts the packaged jar (with BENCH_JAVA_OPTS, if set, for experiments) on 127.0.0.1 in the background, sets SERVER to its pid and
# waits until it answers, up to 3 minutes (a loaded machine starts it slowly), else ends the script with the log's tail
# (stop_on_exit stops it).
start_server() {
  VIDGATE_ADMIN_KEY="$BENCH_ADMIN_KEY" "${JAVA_HOME:+$JAVA_HOME/bin/}java" --enable-native-access=ALL-UNNAMED -Xmx1g ${BENCH_JAVA_OPTS:-} -jar target/vidgate.jar --server.port="$2" \
    --server.address=127.0.0.1 --vidgate.data-dir="$1" --vidgate.bootstrap-key="$3" --logging.level.root=WARN > "$4" 2>&1 &
  SERVER=$!
  for i in $(seq 1 360); do
    curl -sf "http://127.0.0.1:$2/v1/videos" -H "Authorization: Bearer $3" >/dev/null && return 0; sleep 0.5
  done
  echo "the server did not answer on port $2 within 3 minutes; its log ends:" >&2; tail -20 "$4" >&2; exit 1
}

# create_video PORT KEY SECONDS PROMPT: creates a 1280x720 video, sets ID to its id and waits (up to 10 minutes) until it completed.
create_video() {
  ID=$(curl -s -X POST "http://127.0.0.1:$1/v1/videos" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d "{\"prompt\":\"$4\",\"size\":\"1280x720\",\"seconds\":\"$3\"}" | sed -E 's/.*"id":"([^"]+)".*/\1/')
  for i in $(seq 1 1200); do
    curl -s "http://127.0.0.1:$1/v1/videos/$ID" -H "Authorization: Bearer $2" | grep -q '"status":"completed"' && break; sleep 0.5
  done
}

# server_counts PORT URI: the server's own count of GET URI answered 200, and how many of them within 5 ms and within
# 10 ms (its http_server_requests histogram, from /actuator/prometheus), as "total within5 within10".
server_counts() {
  curl -s "http://127.0.0.1:$1/actuator/prometheus" -H "Authorization: Bearer $BENCH_ADMIN_KEY" | awk -v uri="uri=\"$2\"" '
    index($0, "http_server_requests_seconds_") == 1 && index($0, "method=\"GET\"") && index($0, "status=\"200\"") && index($0, uri) {
      if (index($0, "_count{")) total = $NF
      if (index($0, "le=\"0.005\"")) in5 = $NF
      if (index($0, "le=\"0.01\"")) in10 = $NF
    }
    END { printf "%d %d %d\n", total, in5, in10 }'
}

# server_share BEFORE AFTER: from two server_counts, the share of the requests between them that the server answered
# within 5 and 10 ms, timed by the server from its first filter to the response (not the time waiting to be read).
server_share() {
  echo "$1 $2" | awk '{ n = $4 - $1; if (n <= 0) { print "server: no requests counted"; exit }
    printf "server-side: %.2f%% within 5 ms, %.2f%% within 10 ms (of %d)\n", 100 * ($5 - $2) / n, 100 * ($6 - $3) / n, n }'
}
