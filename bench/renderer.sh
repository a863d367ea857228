#!/usr/bin/env bash
# Renderer benchmark: renders clips with the built-in engine (4, 8 and 12 s at 1280x720 and 1920x1080,
# text-to-video and image-to-video) and prints render seconds, real-time factor and peak memory, next to
# the same image-to-video push-in made by the ffmpeg command line (zoompan) in the same run.
# Each clip runs in a fresh JVM after a warm-up clip of the same kind and size, at least 12 s long
# (a running server's JIT state; a shorter warm-up leaves compilation to the measured clip), and is then
# rendered RUNS times (default 3): the table shows the median render and CPU seconds and the highest
# peak memory, since a shared 2-core machine varies by 10-20% from one run to the next.
# Needs ffmpeg for the comparison (installed from Debian's packages if missing; the product never uses it).
# The H.264 encoder is the one the engine chooses by default (vidgate.openh264=auto) on a machine set up
# as README recommends and deploy/Dockerfile does: with the machine's libopenh264.so.7, installed from
# Debian's packages if missing (like ffmpeg). OPENH264=bundled measures FFmpeg's bundled OpenH264 instead
# (what a machine with only a JDK gets).
# Usage: bench/renderer.sh [seconds...]     e.g. bench/renderer.sh 4 12;  RUNS=1 bench/renderer.sh for a quick look
#        bench/renderer.sh --scenes          one 12 s text-to-video clip per scene family, 720p and 1080p
set -euo pipefail
cd "$(dirname "$0")/.."
SCENES=false
if [ "${1:-}" = "--scenes" ]; then SCENES=true; shift; fi
LENGTHS=("${@:-4 8 12}")
read -r -a LENGTHS <<< "${LENGTHS[*]}"
SIZES=(1280x720 1920x1080)
RUNS=${RUNS:-3}
OPENH264=${OPENH264:-auto}
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v ffmpeg >/dev/null || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq ffmpeg >/dev/null 2>&1; }
if [ "$OPENH264" != bundled ] && ! ldconfig -p | grep -q libopenh264.so.7; then
  apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq libopenh264-7 >/dev/null 2>&1
fi

./mvnw -q -B test-compile >/dev/null 2>&1 || ./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null 2>&1
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# the same encoder as the product when this ffmpeg has it, else x264 at a fast preset
if ffmpeg -hide_banner -encoders 2>/dev/null | grep -q libopenh264; then VCODEC=(-c:v libopenh264 -threads 1); ENC="libopenh264, 1 thread"
else VCODEC=(-c:v libx264 -preset veryfast); ENC="libx264 veryfast"; fi

ffmpeg_clip() { # width height seconds -> wall seconds of ffmpeg's zoompan push-in with an audio track
  local w=$1 h=$2 s=$3 frames=$(( $3 * 24 ))
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.vidgate.engine.builtin.RenderBenchmark reference "$w" "$h" "$WORK/ref.png" 2>/dev/null
  local start end
  start=$(date +%s.%N)
  ffmpeg -hide_banner -loglevel error -y -loop 1 -framerate 24 -i "$WORK/ref.png" \
    -f lavfi -i "anoisesrc=color=pink:sample_rate=48000:amplitude=0.05" \
    -filter_complex "[0:v]zoompan=z='1+0.15*on/$frames':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=${w}x${h}:fps=24,format=yuv420p[v]" \
    -map "[v]" -map 1:a -t "$s" "${VCODEC[@]}" -b:v "$(( w * h * 24 * 24 / 100 ))" -c:a aac -b:a 128k -ac 2 \
    -movflags +faststart "$WORK/ffmpeg.mp4"
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

render_clip() { # kind width height seconds [prompt] -> "name took factor heap rss frames cpu": median took and cpu, highest memory
  local lines m took cpu
  lines=$("$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g -Dbench.repeat="$RUNS" -Dbench.openh264="$OPENH264" -cp "$CP" dev.vidgate.engine.builtin.RenderBenchmark \
    clip "$@" 2>/dev/null | grep -E '^(text|image)-to-video ')
  [ "$(wc -l <<< "$lines")" = "$RUNS" ] || { echo "the benchmark did not print $RUNS runs for: $*" >&2; exit 1; }
  m=$(( (RUNS + 1) / 2 ))
  took=$(awk '{print $5}' <<< "$lines" | sort -n | sed -n "${m}p")
  cpu=$(awk '{print $10}' <<< "$lines" | sort -n | sed -n "${m}p")
  awk -v took="$took" -v cpu="$cpu" '{ heap = $7 > heap ? $7 : heap; rss = $8 > rss ? $8 : rss; frames = $9; name = $1; s = $4 }
    END { printf "%s %.3f %.2f %d %d %d %.2f\n", name, took, s / took, heap, rss, frames, cpu }' <<< "$lines"
}

ENCODER=$("$JAVA" --enable-native-access=ALL-UNNAMED -Dbench.openh264="$OPENH264" -cp "$CP" dev.vidgate.engine.builtin.RenderBenchmark encoder 2>/dev/null)
if $SCENES; then
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "H.264: $ENCODER (OPENH264=$OPENH264)"
  printf '%-10s %-44s %9s %9s %8s %9s\n' size prompt "render s" "x real" "cpu s" "rss MiB"
  for size in "${SIZES[@]}"; do
    for prompt in "waves rolling onto the shore at sunset, slow push in" "clouds in the sky at golden hour" \
        "a city skyline at night" "a pine forest at dawn" "a campfire burning" "stars in outer space" "a calm feeling"; do
      read -r _ took factor _ rss _ cpu < <(render_clip t2v "${size%x*}" "${size#*x}" 12 "$prompt")
      printf '%-10s %-44s %9.2f %8.1fx %8.2f %9s\n' "$size" "${prompt:0:44}" "$took" "$factor" "$cpu" "$rss"
    done
  done
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "H.264: $ENCODER (OPENH264=$OPENH264)"
echo "ffmpeg comparison: $(ffmpeg -version | head -1 | cut -d' ' -f1-3), zoompan + $ENC + aac, same size and length"
printf '%-10s %-5s %-15s %9s %9s %8s %9s %9s %10s %12s\n' size clip kind "render s" "x real" "cpu s" "heap MiB" "rss MiB" "ffmpeg s" "ffmpeg/ours"
for size in "${SIZES[@]}"; do
  w=${size%x*}; h=${size#*x}
  for s in "${LENGTHS[@]}"; do
    ff=$(ffmpeg_clip "$w" "$h" "$s")
    for kind in t2v i2v; do
      read -r name took factor heap rss frames cpu < <(render_clip "$kind" "$w" "$h" "$s")
      [ "$frames" = "$(( s * 24 ))" ] || { echo "unexpected frame count $frames" >&2; exit 1; }
      if [ "$kind" = i2v ]; then cmp=$(echo "$ff / $took" | bc -l); ffcol=$(printf '%.2f' "$ff"); cmpcol=$(printf '%.1fx' "$cmp")
      else ffcol="-"; cmpcol="-"; fi
      printf '%-10s %-5s %-15s %9.2f %8.1fx %8.2f %9s %9s %10s %12s\n' "$size" "${s}s" "$name" "$took" "$factor" "$cpu" "$heap" "$rss" "$ffcol" "$cmpcol"
    done
  done
done
echo "text-to-video prompt: \"$(grep -o 'TEXT_PROMPT = "[^"]*"' src/test/java/dev/vidgate/engine/builtin/RenderBenchmark.java | cut -d'"' -f2)\";" \
  "image-to-video: a gentle push-in on a generated 16:9 picture (the ffmpeg row makes the same push-in with zoompan)"
echo "render s and cpu s: medians of $RUNS runs (cpu s: CPU time the render used on all threads); heap: peak of the Java heap during a render;" \
  "rss: peak resident memory of the process (Linux); both memory columns the highest of the runs"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
