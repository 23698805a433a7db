#!/usr/bin/env bash
# RenderBenchmark on this checkout's renderer against main's, in the same run: US5WA22M into a
# dbv (chartstream run --once), then the JMH benchmark twice, once with main's dbv-sink jar in
# front of the class path (the benchmark uses only TileRenderer's public API).
# Run from the repository root after `mvn -q -B install -DskipTests`. Scratch under work/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
work=work/bench
mkdir -p "$work"
if [ ! -f "$work/us5wa22m.dbv" ]; then
  ./chartstream run --input ../shared/s57/US5WA22M --dbv "$work/us5wa22m.dbv" --work-dir "$work/run" --once --quiet --http-port 0 >/dev/null
fi
# main's renderer: a throw-away worktree, packaged (not installed, so the local repository keeps
# this checkout's jars); removed at the end.
git worktree add --detach "$work/main" main >/dev/null
trap 'git worktree remove --force "$work/main"' EXIT
(cd "$work/main" && mvn -q -B -ntp package -DskipTests -pl dbv-sink -am >/dev/null)
cp="benchmarks/target/classes:benchmarks/target/lib/*"
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
echo "== this checkout"
"$java" -cp "$cp" org.openjdk.jmh.Main RenderBenchmark -jvmArgsAppend "-Dchartstream.dbv=$work/us5wa22m.dbv" | tail -4
echo "== main's renderer"
main_jar=$(ls "$work"/main/dbv-sink/target/chartstream-dbv-sink-*[0-9T].jar)
# JMH's fork inherits this class path, main's jar first: its TileRenderer and painters win.
"$java" -cp "$main_jar:$cp" org.openjdk.jmh.Main RenderBenchmark -jvmArgsAppend "-Dchartstream.dbv=$work/us5wa22m.dbv" | tail -4
