#!/usr/bin/env bash
# Starts the ModelsLab emulator, building it first when the jar is missing or older than the sources.
# Arguments go to the emulator (./emulator.sh --help, ./emulator.sh --port 9000 --seed ci-seed.yaml).
#
# Same emulator as `java -jar emulator/target/modelslab-emulator.jar`, started with JVM flags for a
# fast start and a small footprint: a class-data-sharing archive recorded once by a training run
# (the classes a request needs, loaded from one mapped file instead of 80 jars), the serial
# collector and heap sizes chosen for a CI machine (see below). MODELSLAB_EMULATOR_JAVA_OPTS adds or overrides flags.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$root/emulator/target/modelslab-emulator.jar"
archive="$root/emulator/target/modelslab-emulator.jsa"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

newer_sources() {
  find "$root/pom.xml" "$root/openapi" "$root/client" "$root/emulator" -path '*/target' -prune -o \
    -type f \( -name 'pom.xml' -o -path '*/src/main/*' \) -newer "$jar" -print -quit 2>/dev/null
}

if [ ! -f "$jar" ] || [ -n "$(newer_sources)" ]; then
  echo "building the emulator: mvn -B -q -pl emulator -am package -DskipTests" >&2
  (cd "$root" && mvn -B -q -pl emulator -am package -DskipTests) >&2
fi

# Serial GC: the fewest threads and the least memory on a small machine. A fixed 48 MB young generation:
# a request's garbage (and the journal's last thousand entries) dies there, so the old generation holds
# only the database and never needs a stop-the-world collection under load (with the default sizing,
# premature promotion caused a 50-70 ms full collection every few seconds, the whole p99 at 32
# connections). 512 MB at most: the in-memory database keeps about 2.1 KB per payment (bench/README.md),
# so about 230,000 payments fit; only idempotency keys are retired (after a day).
flags=(-XX:+UseSerialGC -Xms96m -Xmx512m -Xmn48m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k
       -XX:-UsePerfData)
# One malloc arena per core instead of eight: glibc's arenas were tens of MB of resident memory.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# The JDK's feature version, from its release file (starting a JVM to ask would cost a start).
java_release="$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")/release"
java_feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_release" 2>/dev/null || true)
if [ "${java_feature:-0}" -ge 25 ]; then
  # JDK 25 and later: an ahead-of-time cache (JEP 483, 514, 515) holds the classes loaded and linked and
  # the methods' profiles of the training run, where JDK 17's archive holds the classes only.
  archive="${archive%.jsa}.aot"
  record=(-XX:AOTCacheOutput="$archive" -Xlog:aot=off -Xlog:cds=off)
  use=(-XX:AOTCache="$archive" -Xlog:aot=off -Xlog:cds=off)
else
  record=(-XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  use=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
if [ ! -f "$archive" ] || [ "$archive" -ot "$jar" ]; then
  echo "recording a class-data-sharing archive (once per build, a few seconds)" >&2
  rm -f "$archive"
  "$java" "${flags[@]}" "${record[@]}" -jar "$jar" --training-run >/dev/null 2>&1 || rm -f "$archive"
fi
if [ -f "$archive" ]; then
  flags+=("${use[@]}")
fi
# shellcheck disable=SC2206
exec "$java" "${flags[@]}" ${MODELSLAB_EMULATOR_JAVA_OPTS:-} -jar "$jar" "$@"
