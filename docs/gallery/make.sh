#!/usr/bin/env bash
# Makes the stills of docs/gallery/ (640x360 PNGs) and their index, README.md, from prompts:
#   docs/gallery/make.sh            every still (about two minutes on two cores)
#   docs/gallery/make.sh NAME...    only those (e.g. "noon sunset")
# Each still is `./diorama generate PROMPT -o docs/gallery/NAME.png --at T --size 640x360 --strict`:
# the film's frame at T seconds, every word of the prompt understood.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
diorama="$here/../../diorama"
only=" $* "
index="$here/README.md.tmp"

objects="a red rubber ball, a steel ball and a small glass cube drop onto a stone floor"
pair="a red rubber ball and a steel ball drop onto a wooden floor"

{
  echo "# Gallery"
  echo
  echo "Stills made by [make.sh](make.sh) with \`./diorama generate PROMPT -o NAME.png --at T --size 640x360 --strict\`;"
  echo "run it again after a change to the renderer or the parser and look at every picture."
  echo
  echo "| still | prompt | T (s) |"
  echo "|---|---|---|"
} > "$index"

still() {  # NAME T PROMPT
  local name=$1 at=$2 prompt=$3
  echo "| ![$name]($name.png) | $prompt | $at |" >> "$index"
  if [ "$only" != "  " ] && [[ "$only" != *" $name "* ]]; then return; fi
  echo "$name: $prompt (at $at s)" >&2
  "$diorama" generate "$prompt" -o "$here/$name.png" --at "$at" --size 640x360 --strict --quiet
}

# The sun through the day (Paris, 22 September 2026, unless the prompt says)
still noon        1 "$objects at noon"
still afternoon   1 "$objects"
still golden-hour 1 "$objects at golden hour"
still sunset      1 "$objects at sunset"
still twilight    1 "$objects at twilight"
still night       1 "$objects at night"
# The same clock time in two places and seasons
still oslo-december-3pm 1 "$objects in Oslo in December at 3 pm"
still cairo-june-3pm    1 "$objects in Cairo in June at 3 pm"
still sydney-midsummer-noon 1 "$objects in Sydney at midsummer at noon"
still tokyo-june-dawn   1 "$objects in Tokyo on 21 June at dawn"
# Shot sizes, angles and lenses
still wide-shot    1 "$pair, wide shot"
still medium-shot  1 "$pair, medium shot"
still close-up     1 "a close-up of a steel ball and a red rubber ball dropping onto a wooden floor"
still eye-level    1 "$pair at eye level"
still low-angle    1 "$pair, low angle"
still high-angle   1 "$pair, high angle"
still birds-eye    1 "$pair, bird's-eye view"
still wide-angle   1 "$pair through a wide-angle lens"
still telephoto    1 "$pair, telephoto"
# Moves, each at its start and its end
move() {  # NAME WORDS
  still "$1-0.3" 0.3 "$objects$2"
  still "$1-4" 4 "$objects$2"
}
move orbit " while the camera orbits a quarter turn"
move pan ", the camera pans left 25 degrees"
move tilt ", the camera tilts down 10 degrees"
move dolly-in ", dolly in"
move zoom-in ", zoom in"
still track-0.2 0.2 "$pair, the camera tracking the red ball"
still track-1.5 1.5 "$pair, the camera tracking the red ball"
# A time-lapse: the clock from 6 am to 9 pm in 10 seconds, at three moments
for t in 1 5 9.5; do
  still "time-lapse-$t" $t "$objects from 6 am to 9 pm in 10 seconds"
done

mv "$index" "$here/README.md"
