#!/usr/bin/env bash
# The service under load (a benchmark, not a test): while 2 films are being made, CLIENTS concurrent
# clients poll GET /v1/videos/{id} for SECONDS on loopback; prints p50/p99 latency, errors,
# throughput and the server's heap. Results: docs/benchmarks.md.
#
#   server/bench/serve-load.sh [CLIENTS=200] [SECONDS=30] [THINK_MS=0] [filming|idle]
#
# THINK_MS is each client's pause between the answer and its next poll (0: as fast as it can).
# Needs the tree installed once (mvn install -DskipTests); builds the server's test classes.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
cd "$root"
. scripts/java25.sh
diorama_find_java25
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -o -pl server test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xss4m \
  -cp "server/target/test-classes:server/target/classes:$(cat "$cp_file")" \
  dev.diorama.server.ServeLoadBench "${1:-200}" "${2:-30}" "${3:-0}" "${4:-filming}"
