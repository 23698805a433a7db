#!/bin/sh
# `chartstream registry` configured as Confluent's image is: SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS
# (PLAINTEXT:// prefixes allowed), SCHEMA_REGISTRY_LISTENERS (http://HOST:PORT), SCHEMA_REGISTRY_KAFKASTORE_TOPIC,
# and SCHEMA_REGISTRY_OPTS for the JVM (the JMX exporter agent in docker-compose.yml).
set -eu
bootstrap=$(printf '%s' "${SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS:?the Kafka cluster}" | sed 's#[A-Za-z_]*://##g')
listener=${SCHEMA_REGISTRY_LISTENERS:-http://0.0.0.0:8081}
listener=${listener%%,*}
hostport=${listener#http://}
export JAVA_OPTS="${JAVA_OPTS:-} ${SCHEMA_REGISTRY_OPTS:-}"
exec /usr/local/bin/chartstream registry --bootstrap-servers "$bootstrap" --bind "${hostport%:*}" --port "${hostport##*:}" \
  --topic "${SCHEMA_REGISTRY_KAFKASTORE_TOPIC:-_schemas}" "$@"
