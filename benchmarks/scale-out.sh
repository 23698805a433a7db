#!/usr/bin/env bash
# Topology throughput with 1, 2 and 3 instances (separate JVMs, one stream thread each) on the
# same ingested cells, in one run: features/s in all and per instance, CPU-s of every instance
# and of the broker. Usage: benchmarks/scale-out.sh [S57_DIR] [COUNTS=1,2,3] [PARTITIONS=6]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$here"
mvn -q -B -o -pl benchmarks -am package -DskipTests >&2
nproc | sed 's/^/cores: /'
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" io.chartstream.benchmarks.ScaleOutThroughput \
  "${1:-../shared/s57}" "${2:-1,2,3}" "${3:-6}" 2>/dev/null | grep -E '^(instances|[0-9]+ cores)'
