#!/bin/sh
# S3Proxy answering as the MinIO service of docker-compose.yml does: `server DIR [--flags…]` serves
# DIR's subdirectories as buckets on port 9000, with MINIO_ROOT_USER / MINIO_ROOT_PASSWORD as the
# access key and secret (AWS v2 and v4 signatures checked). MinIO's other flags have no meaning here.
set -eu
[ "${1:-}" = server ] || { echo "usage: server DIR" >&2; exit 2; }
dir=${2:?usage: server DIR}
cat > /etc/s3proxy/s3proxy.conf <<CONF
s3proxy.endpoint=http://0.0.0.0:9000
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=${MINIO_ROOT_USER:?MINIO_ROOT_USER is the access key}
s3proxy.credential=${MINIO_ROOT_PASSWORD:?MINIO_ROOT_PASSWORD is the secret key}
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir
CONF
exec java ${JAVA_OPTS:-} -Dlog4j2.configurationFile=/opt/s3proxy/log4j2.xml -cp '/opt/s3proxy/lib/*' \
  org.gaul.s3proxy.Main --properties /etc/s3proxy/s3proxy.conf
