#!/usr/bin/env python3
"""Where a JFR recording's CPU went: execution samples by thread group and by stage.

usage: benchmarks/jfr-breakdown.py RECORDING.jfr [JDK_HOME]

A sample's stage is that of the first frame, from the top of its stack, that is neither the
JDK nor a geometry library (JTS, earcut, proj4j are the stages' own tools and count for the
chartstream frame that called them): chartstream's packages by what they do, then Avro,
RocksDB, Kafka Streams, the producer and consumer clients, the broker (and its KRaft
controller), Connect. Threads are grouped by name. Prints shares of all samples.
"""
import collections
import json
import os
import subprocess
import sys

jdk = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")
out = subprocess.run([os.path.join(jdk, "bin", "jfr"), "print", "--json", "--events", "jdk.ExecutionSample", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]

STAGES = [
    ("io.chartstream.topology.display", "display points"),
    ("io.chartstream.topology.clip", "clipping and grid snap"),
    ("io.chartstream.topology.triangulate", "triangulation"),
    ("io.chartstream.topology.s52", "S-52 styling"),
    ("io.chartstream.topology.project", "reprojection"),
    ("io.chartstream.schema.tile", "piece codec and sections"),
    ("io.chartstream.topology.streams.PieceEncoder", "piece codec and sections"),
    ("io.chartstream.topology.streams.ChartSections", "piece codec and sections"),
    ("io.chartstream.topology.streams.FeatureDigest", "ledger and digests"),
    ("io.chartstream.topology.streams.FeatureLedger", "ledger and digests"),
    ("io.chartstream.topology.streams.RclTileBuilder", "RCL stage: tiles"),
    ("io.chartstream.topology.streams.RclAssembler", "RCL stage: tiles"),
    ("io.chartstream.topology", "topology, other"),
    ("io.chartstream.ingest", "ingest (S-57 reading, records)"),
    ("io.chartstream.dbv", "sink (dbv)"),
    ("io.chartstream.schema", "serdes and registry"),
    ("io.chartstream", "chartstream, other"),
    ("org.apache.avro", "Avro"),
    ("org.rocksdb", "RocksDB"),
    ("org.apache.kafka.streams", "Kafka Streams machinery"),
    ("org.apache.kafka.clients.producer", "producer"),
    ("org.apache.kafka.clients.consumer", "consumer"),
    ("org.apache.kafka.connect", "Connect"),
    ("kafka.", "broker"),
    ("org.apache.kafka.storage", "broker"),
    ("org.apache.kafka.server", "broker"),
    ("org.apache.kafka.raft", "broker"),
    ("org.apache.kafka.controller", "broker"),
    ("org.apache.kafka.coordinator", "broker"),
    ("org.apache.kafka.metadata", "broker"),
    ("org.apache.kafka.common", "Kafka clients, common"),
]
TOOLS = ("java.", "jdk.", "sun.", "javax.", "org.locationtech.", "earcut4j.", "org.maplibre.")
THREADS = [
    ("StreamThread", "topology stream thread"),
    ("kafka-producer-network-thread", "producers' I/O threads"),
    ("data-plane-kafka", "broker"), ("kafka-", "broker"), ("quorum", "broker"), ("raft", "broker"),
    ("ReplicaFetcher", "broker"), ("LogCleaner", "broker"), ("ExpirationReaper", "broker"),
    ("task-thread", "ingest (Connect task)"), ("connector-", "ingest (Connect task)"),
    ("dbv-sink", "sink"), ("ForkJoinPool", "fork-join pool (big features)"),
    ("rocksdb", "RocksDB background"), ("main", "main"),
]


def stage(frames):
    for frame in frames:
        name = frame["method"]["type"]["name"].replace("/", ".")
        if name.startswith(TOOLS):
            continue
        for prefix, label in STAGES:
            if name.startswith(prefix):
                return label
        return "other: " + name.rsplit(".", 1)[0]
    return "JDK only"


def thread(event):
    name = (event["values"].get("sampledThread") or {}).get("javaName") or "?"
    for part, label in THREADS:
        if part in name:
            return label
    return "other threads"


by_stage = collections.Counter()
by_thread = collections.Counter()
for e in events:
    by_stage[stage(e["values"]["stackTrace"]["frames"])] += 1
    by_thread[thread(e)] += 1
total = sum(by_stage.values())
print("%d execution samples" % total)
print("by thread:")
for label, n in by_thread.most_common():
    print("  %-36s %5.1f %%" % (label, 100.0 * n / total))
print("by stage:")
for label, n in by_stage.most_common(25):
    print("  %-36s %5.1f %%" % (label, 100.0 * n / total))
