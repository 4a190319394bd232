# Sourced by ./diorama and ./run-tests: sets JAVA_HOME to a JDK 25 or newer, found without manual
# steps. Looks at DIORAMA_JAVA_HOME, then JAVA_HOME, then the JDKs under /usr/lib/jvm (the machine's
# default java is 17; a Temurin 25 JDK is installed beside it).
diorama_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
diorama_find_java25() {
  local c major
  for c in "${DIORAMA_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(diorama_java_major "$c")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      export JAVA_HOME="$c"
      return 0
    fi
  done
  echo "diorama: needs a JDK 25 or newer; none found in DIORAMA_JAVA_HOME, JAVA_HOME or /usr/lib/jvm" >&2
  return 1
}
