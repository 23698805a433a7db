#!/bin/sh
# Starts one KRaft node the way the apache/kafka image does, so docker-compose.yml and the
# Testcontainers tests configure both alike: each KAFKA_* variable is a server property
# (KAFKA_LOG_DIRS -> log.dirs; "__" -> "_", "___" -> "-"), except the JVM's own KAFKA_OPTS,
# KAFKA_HEAP_OPTS and KAFKA_JVM_PERFORMANCE_OPTS. CLUSTER_ID formats the log dir on first start.
set -eu
config=/etc/kafka/server.properties
: > "$config"
env | sort | while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_OPTS|KAFKA_HEAP_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_LOG4J_OPTS|KAFKA_JMX_OPTS|KAFKA_GC_LOG_OPTS|KAFKA_VERSION) ;;
    KAFKA_*)
      key=$(printf '%s' "${name#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
      printf '%s=%s\n' "$key" "$value" >> "$config" ;;
  esac
done
set -f  # the class path below is a wildcard for java, not for the shell
grep -q '^log.dirs=' "$config" || echo "log.dirs=/var/lib/kafka/data" >> "$config"
java="java ${KAFKA_HEAP_OPTS:--Xmx1g} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20} ${KAFKA_OPTS:-}
  -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.xml -cp /opt/kafka/libs/*"
log_dir=$(sed -n 's/^log.dirs=//p' "$config" | cut -d, -f1)
if [ ! -f "$log_dir/meta.properties" ]; then
  : "${CLUSTER_ID:?CLUSTER_ID is needed to format $log_dir}"
  # shellcheck disable=SC2086
  $java kafka.tools.StorageTool format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$config"
fi
# shellcheck disable=SC2086
exec $java kafka.Kafka "$config"
