#!/usr/bin/env bash
# JMH benchmarks of the renderer's hot loops (render/src/test/java/.../KernelsBenchmark.java):
#   bench/jmh.sh [JMH options, e.g. a regex of benchmark names]
# Builds the render module's tests (never installs anything) and runs JMH in a forked JVM with the
# Vector API module. Results are printed; record them in render/BENCHMARK.md with date, machine and load.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/java25.sh"
diorama_find_java25
cd "$root"
mvn -B -o -q -pl render -am test-compile
cp_file=$(mktemp)
mvn -B -o -q -pl render dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
cp="render/target/test-classes:render/target/classes:scene/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "$cp" org.openjdk.jmh.Main "$@"
