#!/bin/sh
# A distributed Kafka Connect worker (the runtime connect-distributed.sh starts) on JDK 25, with
# the chartstream S-57 source connector on its plugin path (/opt/chartstream/plugins) and the
# Prometheus JMX exporter on port 9404. $1: the worker properties.
exec java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JAVA_OPTS:-} \
  -javaagent:/opt/chartstream/jmx/jmx_prometheus_javaagent.jar=9404:/opt/chartstream/config/jmx-exporter.yml \
  -Dlog4j2.configurationFile=/opt/chartstream/config/connect-log4j2.xml \
  -cp "/opt/chartstream/connect-lib/*" org.apache.kafka.connect.cli.ConnectDistributed "$@"
