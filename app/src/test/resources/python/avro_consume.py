"""Reads s57.features with Confluent's own Python client (AvroConsumer + schema registry) and
prints, per chart, what it decoded: the key, the number of S57Feature records, the ChartEnd
content hash and the OBJNAM values. Arguments: bootstrap, registry URL, topic, record count."""
import json
import sys
import time
import uuid

from confluent_kafka.avro import AvroConsumer

bootstrap, registry, topic, expected = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
consumer = AvroConsumer({
    "bootstrap.servers": bootstrap,
    "group.id": "python-" + str(uuid.uuid4()),
    "auto.offset.reset": "earliest",
    "isolation.level": "read_committed",
    "schema.registry.url": registry,
})
consumer.subscribe([topic])
charts = {}
seen = 0
deadline = time.time() + 90
while seen < expected and time.time() < deadline:
    message = consumer.poll(1.0)
    if message is None:
        continue
    if message.error():
        raise SystemExit("consumer error: %s" % message.error())
    seen += 1
    value = message.value()
    chart = charts.setdefault(value["chartId"], {"key": message.key(), "features": 0, "names": []})
    if "objectClass" in value:
        chart["features"] += 1
        name = value["attributes"].get("OBJNAM")
        if name:
            chart["names"].append(name)
    elif "contentHash" in value:
        chart["contentHash"] = value["contentHash"]
consumer.close()
if seen < expected:
    raise SystemExit("decoded %d of %d records" % (seen, expected))
print(json.dumps(charts, ensure_ascii=False))
