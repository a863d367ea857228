#!/usr/bin/env bash
# Download benchmark: GET /v1/videos/{id}/content against nginx serving the same MP4 with sendfile, in the same run,
# with wrk on 127.0.0.1 at 1, 10 and 100 connections, whole file and a Range request (the middle half). Prints each
# side's throughput, the ratio Vidgate/nginx, p99 latency, timeouts and errors, and Vidgate's RSS growth over idle
# during the runs. Targets: >= 0.95 of nginx's throughput, no timeouts, RSS growth <= 64 MB at 100 connections.
# Installs nginx and wrk from Debian's packages if missing. Usage: bench/download.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
PORT="${BENCH_PORT:-18080}"
NGINX_PORT="${BENCH_NGINX_PORT:-18081}"
KEY="sk-bench-0123456789abcdefghijklmnop"
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi

install() { # packages...: apt may be busy with another install on a shared machine, so wait for its lock
  for i in $(seq 1 30); do
    apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$@" >/dev/null 2>&1 && return 0
    sleep 10
  done
  echo "could not install $*" >&2; exit 1
}
command -v wrk >/dev/null || install wrk
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || install nginx-light || install nginx
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

./mvnw -q -B package -DskipTests
WORK=$(mktemp -d)
chmod 755 "$WORK"
DATA="$WORK/data"
. bench/lib.sh
SERVER=""; NGINX_PID=""
stop_on_exit "$WORK"
start_server "$DATA" "$PORT" "$KEY" "$WORK/server.log"

create_video "$PORT" "$KEY" 12 "a lighthouse at dusk, waves"
URL="http://127.0.0.1:$PORT/v1/videos/$ID/content"
# nginx serves a copy of the same bytes, as Vidgate sends them
mkdir -p "$WORK/www" "$WORK/nginx"
curl -sf "$URL" -H "Authorization: Bearer $KEY" -o "$WORK/www/video.mp4" || { echo "the video $ID did not complete; server log:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
chmod -R a+rX "$WORK/www"
SIZE=$(stat -c %s "$WORK/www/video.mp4")
RANGE="bytes=$((SIZE / 4))-$((SIZE * 3 / 4 - 1))"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { video/mp4 mp4; }
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
CONF
"$NGINX" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
for i in $(seq 1 40); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/video.mp4" && break; sleep 0.25; done

rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$SERVER/status"; }
bytes() { # wrk's "1.43GB" -> bytes
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); m = 1;
    if (u == "KB") m = 1024; else if (u == "MB") m = 1024^2; else if (u == "GB") m = 1024^3; printf "%.0f", n * m }'
}
run() { # url connections [header] -> wrk output
  local threads=$(( $2 < 2 ? 1 : 2 ))
  if [ -n "${3:-}" ]; then wrk -t"$threads" -c"$2" -d"${DURATION}s" --latency -H "Authorization: Bearer $KEY" -H "$3" "$1"
  else wrk -t"$threads" -c"$2" -d"${DURATION}s" --latency -H "Authorization: Bearer $KEY" "$1"; fi
}
field() { # wrk output, what -> value
  case "$2" in
    transfer) echo "$1" | awk '/Transfer\/sec/ {print $2}' ;;
    p99) echo "$1" | awk '$1 == "99%" {print $2}' ;;
    timeouts) echo "$1" | awk '/Socket errors/ {gsub(",", ""); print $NF; found = 1} END { if (!found) print 0 }' ;;
    errors) echo "$1" | awk '/Non-2xx/ {print $NF; found = 1} END { if (!found) print 0 }' ;;
  esac
}

# warm up the JIT and both page caches
run "$URL" 10 >/dev/null; run "http://127.0.0.1:$NGINX_PORT/video.mp4" 10 >/dev/null
sleep 2
IDLE=$(rss)
PEAK=$IDLE; echo "$IDLE" > "$WORK/rss.peak"
echo "machine: $(nproc) cores; file $SIZE bytes; range $RANGE; ${DURATION}s per run; figures on a shared machine are indicative"
printf '%-14s %5s %12s %12s %7s %11s %11s %9s %7s\n' request conns vidgate/s nginx/s ratio "p99 vg" "p99 nginx" timeouts non2xx
for kind in whole range; do
  header=""; [ "$kind" = range ] && header="Range: $RANGE"
  for c in 1 10 100; do
    ( while kill -0 $SERVER 2>/dev/null; do rss; sleep 0.5; done ) > "$WORK/rss.$kind.$c" &
    SAMPLER=$!
    VG=$(run "$URL" "$c" "$header")
    kill $SAMPLER 2>/dev/null; wait $SAMPLER 2>/dev/null || true
    PEAK=$(sort -n "$WORK/rss.$kind.$c" "$WORK/rss.peak" 2>/dev/null | tail -1); echo "$PEAK" > "$WORK/rss.peak"
    NG=$(run "http://127.0.0.1:$NGINX_PORT/video.mp4" "$c" "$header")
    vb=$(bytes "$(field "$VG" transfer)"); nb=$(bytes "$(field "$NG" transfer)")
    printf '%-14s %5d %10.0fMB %10.0fMB %7.2f %11s %11s %4s/%-4s %7s\n' "$kind" "$c" "$(echo "$vb / 1048576" | bc -l)" \
      "$(echo "$nb / 1048576" | bc -l)" "$(echo "$vb / $nb" | bc -l)" "$(field "$VG" p99)" "$(field "$NG" p99)" \
      "$(field "$VG" timeouts)" "$(field "$NG" timeouts)" "$(field "$VG" errors)"
  done
done
echo "Vidgate RSS: idle $IDLE MB, peak $PEAK MB during the runs, growth $((PEAK - IDLE)) MB"
