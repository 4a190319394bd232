#!/usr/bin/env bash
# Makes the stills of docs/gallery/ (640x360 PNGs) and their index, README.md, from prompts:
#   docs/gallery/make.sh            every still (about two minutes on two cores, and a few more for each liquid)
#   docs/gallery/make.sh NAME...    only those (e.g. "noon sunset")
# Each still is `./diorama generate PROMPT -o docs/gallery/NAME.png --at T --size 640x360 --strict`:
# the film's frame at T seconds, every word of the prompt understood. The renderer's features that
# prompts cannot ask for yet (materials and skies by number, environment maps, depth of field, the
# shapes beyond ball, cube and cylinder, imported models, lamps) are stills of the scene
# files in scenes/, at rest, made by the render module's RenderStill tool.
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

still() {  # NAME T PROMPT [OPTIONS...]
  local name=$1 at=$2 prompt=$3
  shift 3
  echo "| ![$name]($name.png) | $prompt ${*:+(\`$*\`)} | $at |" >> "$index"
  if [ "$only" != "  " ] && [[ "$only" != *" $name "* ]]; then return; fi
  echo "$name: $prompt (at $at s) $*" >&2
  "$diorama" generate "$prompt" -o "$here/$name.png" --at "$at" --size 640x360 --strict --quiet "$@"
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
# Motion blur: the balls falling fast, the shutter open half of the frame's interval
still motion-blur 0.45 "$pair" --motion-blur
# Light in words: a window's sunbeam, a glowing ball lighting a room at night
still window-room   1 "a room with a window at 3 pm, a red rubber ball and a steel ball drop onto the floor"
still glowing-table 1 "a glowing blue ball on a table in a room at night"
# The rehearsal: a ball rolling off a ramp, followed because it rolls too far for one still picture
still ramp-follow-0.5 0.5 "a red ball rolls down a ramp"
still ramp-follow-3.5 3.5 "a red ball rolls down a ramp"
# Games: a strike in a lane's pit, two billiard balls meeting on a pool table (seen from 35 degrees)
still bowling-strike 0.75 "a bowling ball knocks over ten pins"
still billiards      1.2 "a red billiard ball and a white billiard ball collide on a pool table"
still pool-break     0.6 "a cue ball breaks a rack of fifteen billiard balls on a pool table"
still eight-ball     1.2 "the cue ball hits the 8 ball"
still wrecking-ball  1.1 "a wrecking ball smashes into a wall of bricks"
still wall-falls     0.6 "a brick wall falls over"
still jenga          1 "a jenga tower on a table"
still books-topple   0.35 "a row of five books topples like dominoes"
still domino-spiral  1.2 "forty dominoes in a spiral topple"
still double-pendulum 1.4 "a double pendulum swings" --motion-blur
still spinning-top  1 "a close-up of a spinning top on a wooden floor"
# Liquids (each simulates its film up to T: a few minutes apiece on two cores)
still tank-of-water 1.5 "a wooden block falls into a tank of water"
still pour          2.5 "water pours from a jug into a glass"
still dam-break     0.4 "a dam breaks in a glass box"
still toy-boat      1.5 "a toy boat floats on water"
still ice-cubes     1.5 "ice cubes float in a glass of water"

# Light and materials, from scene files (scenes/*.json; the map scenes/studio.hdr is made by
# scenes/studio.py). Run from the repository root so that the map's relative path resolves.
. "$here/../../scripts/java25.sh"
diorama_find_java25
java25="$JAVA_HOME/bin/java"
scene() {  # NAME SCENE [RenderStill options...]
  local name=$1 file=$2
  shift 2
  echo "| ![$name]($name.png) | scene [$file](scenes/$file.json) ${*:-} | 0 |" >> "$index"
  if [ "$only" != "  " ] && [[ "$only" != *" $name "* ]]; then return; fi
  echo "$name: scenes/$file.json $*" >&2
  "$diorama" explain "a ball" > /dev/null  # builds the project if it is stale
  (cd "$here/../.." && "$java25" -cp "cli/target/diorama-cli-0.1.0-SNAPSHOT.jar:cli/target/lib/*" \
      dev.diorama.render.RenderStill "docs/gallery/scenes/$file.json" -o "$here/$name.png" "$@")
}
scene metals          metals            # chrome, steel; steel tinted gold and copper (conductor Fresnel)
scene tinted-glass    tinted-glass      # Beer-Lambert: the large amber ball is deeper than the small one
scene textures        textures          # solid wood grain and granite, carved in each object's frame
scene sky-clear       sky-clear         # turbidity 2 at 17:30
scene sky-hazy        sky-hazy          # turbidity 6: a whiter sky, a warmer, dimmer sun, paler shadows
scene sky-overcast    sky-overcast      # cloud cover 1: the CIE overcast sky, no sun, soft contact shadows
scene night-stars     night-stars       # 23:30: the moon high in the south-east, stars, adapted exposure
scene studio-map      studio-map        # scenes/studio.hdr as sky and light: its key lamp casts the shadows
scene depth-of-field  depth-of-field --aperture 0.03 --lens-samples 48   # focused on the chrome ball
# Shapes beyond the box, the ball and the cylinder (triangle meshes; hollow ones shade their insides)
scene shapes          shapes            # a ramp (wedge) with a ball on it, stairs, a table, a cone
scene vessels         vessels           # a wooden bowl with a ball in it, a cup, a glass bottle, a copper jug
# A user's model: scenes/die.gltf (made by scenes/die.py), its texture and its metallic-roughness map
scene imported-model  imported-model    # two dice: ivory faces, dark pips, a gold metal pip on the 1
# Light indoors
scene lamp-room       lamp-room         # night: the ceiling lamp and a glowing bulb on a stand, soft shadows
scene window-sunbeam  window-sunbeam    # 16:00: the sun through a west window, a ball in the beam

mv "$index" "$here/README.md"
