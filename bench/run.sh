#!/usr/bin/env bash
# Benchmark: films bench/reference-scene.json (10 s, 1280x720, 24 fps, with sound) through the
# ./diorama launcher and prints wall seconds per second of video, next to POV-Ray rendering the
# same scene in the same run (../shared/bench/peers/run-peers.sh, which installs povray).
#   bench/run.sh            speed: Diorama vs POV-Ray
#   bench/run.sh memory     peak memory (max RSS) of a 4 s and a 60 s film of the same scene
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$root"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./diorama --version >/dev/null   # builds on the first run, outside the timing
peers="$root/../shared/bench/peers/run-peers.sh"
film() {  # seconds -> prints "wall_s maxrss_kB"
  /usr/bin/time -f '%e %M' -o "$out/time" ./diorama render bench/reference-scene.json -o "$out/ref.mp4" --seconds "$1" --quiet
  cat "$out/time"
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(date -u +%F)"
if [[ ${1:-speed} == memory ]]; then
  read -r w4 m4 < <(film 4)
  read -r w60 m60 < <(film 60)
  echo "memory: 4 s film peak RSS $((m4 / 1024)) MiB (${w4} s wall); 60 s film peak RSS $((m60 / 1024)) MiB (${w60} s wall)"
  awk -v a="$m4" -v b="$m60" 'BEGIN { printf "memory: 60 s / 4 s peak ratio %.3f\n", b / a }'
  exit 0
fi
read -r wall rss < <(film 10)
awk -v w="$wall" 'BEGIN { printf "diorama: %.2f s wall for 10 s of video = %.2f s per second of video (%.3f s/frame)\n", w, w / 10, w / 240 }'
if [[ -x "$peers" || -f "$peers" ]]; then
  bash "$peers" povray | while read -r line; do
    echo "$line" | awk '{ for (i = 1; i <= NF; i++) if ($i == "s/frame") printf "%s = %.1f s per second of video at 24 fps\n", $0, $(i-1) * 24 }'
  done
else
  echo "peers: $peers not found (the shared bench folder sits beside the repository)"
fi
