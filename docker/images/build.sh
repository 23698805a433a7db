#!/usr/bin/env bash
# Builds chartstream's local images on this machine, with no image registry: Debian bookworm from
# debootstrap, a Java runtime from jlink, and jars from Maven Central. docker-compose.yml runs on
# them with `--env-file docker/images/local.env`; the Testcontainers tests use the Kafka image.
#
#   docker/images/build.sh        # every image; each is rebuilt only when its inputs changed
#
# Each image carries the hash of its inputs (recipe, files, parent image) in the label
# io.chartstream.inputs; an image whose label matches is kept as it is. No build step reaches the
# network (docker build --network none): packages are downloaded on the host into the debootstrap
# root and installed in the images with dpkg.
#
# Needs: root, a running Docker engine, debootstrap, JAVA_HOME a JDK 25, Maven, and the reactor
# built (app/target/lib). `./chartstream images` sets all of that up and runs this script.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${CHARTSTREAM_IMAGES_WORK:-$root/work/images}
suite=bookworm
label=io.chartstream.inputs
# The classic builder, the one Debian's docker.io has (the client's notice about BuildKit says no more).
export DOCKER_BUILDKIT=0
# The image names: docker/images/local.env hands the same ones to docker-compose.yml.
# shellcheck source=local.env
. "$here/local.env"
BASE_IMAGE=chartstream-local/debian:$suite
JAVA_IMAGE=chartstream-local/java:25
GDAL_IMAGE=chartstream-local/java-gdal:25

die() { echo "images: $*" >&2; exit 1; }
log() { echo "images: $*" >&2; }

[ "$(id -u)" -eq 0 ] || die "debootstrap and docker need root"
docker version >/dev/null 2>&1 || die "no Docker engine answers (./chartstream images starts one)"
[ -x "${JAVA_HOME:-}/bin/jlink" ] || die "JAVA_HOME must be a JDK 25 with jlink"
[ -d "$root/app/target/lib" ] || die "app/target/lib is missing: build the reactor first (./chartstream images does)"

# A Debian mirror this machine's apt already uses (DEBIAN_MIRROR overrides it).
mirror=${DEBIAN_MIRROR:-$(apt-get indextargets --format '$(REPO_URI)' 'Created-By: Packages' 2>/dev/null \
  | grep -m1 '/debian/$' || echo http://deb.debian.org/debian/)}

# The packages of one set in packages.txt ("gdal: libgdal32" -> libgdal32).
packages() { sed -n "s/^$1: *//p" "$here/packages.txt"; }

# A short hash of files, directories (every file in them, by relative path and content) and strings.
hash_of() {
  local item
  for item in "$@"; do
    if [ -d "$item" ]; then
      (cd "$item" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
    elif [ -f "$item" ]; then
      sha256sum < "$item"
    else
      printf '%s\n' "$item"
    fi
  done | sha256sum | cut -c1-20
}

inputs_of() { docker image inspect -f "{{ index .Config.Labels \"$label\" }}" "$1" 2>/dev/null || true; }
image_id() { docker image inspect -f '{{ .Id }}' "$1"; }

# build IMAGE INPUTS CONTEXT [--build-arg ...]: docker build of CONTEXT's Dockerfile unless IMAGE
# already carries INPUTS. No network inside the build.
build() {
  local image=$1 inputs=$2 context=$3; shift 3
  if [ "$(inputs_of "$image")" = "$inputs" ]; then
    log "$image is up to date"
    return
  fi
  log "building $image"
  local started=$SECONDS
  local output=$work/build-${image//[\/:]/-}.log
  docker build --network none --label "$label=$inputs" -t "$image" "$@" "$context" > "$output" 2>&1 \
    || { tail -30 "$output" >&2; die "docker build of $image failed (log: $output)"; }
  log "built $image in $((SECONDS - started)) s"
}

# --- Debian bookworm: debootstrap, imported as an image; the other images' packages downloaded --
base_inputs() { hash_of "$here/packages.txt" "$suite" "$mirror" "$(declare -f build_base)"; }

build_base() {
  local rootfs=$work/rootfs set
  rm -rf "$rootfs" "$work/debs"
  mkdir -p "$rootfs" "$work/debs"
  log "debootstrap $suite from $mirror"
  debootstrap --variant=minbase --include="$(packages base | tr ' ' ,)" "$suite" "$rootfs" "$mirror" \
    > "$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; die "debootstrap failed (log: $work/debootstrap.log)"; }
  # Security and point-release updates, as the host's apt has them.
  cat > "$rootfs/etc/apt/sources.list" <<EOF
deb ${mirror%/} $suite main
deb ${mirror%/} $suite-updates main
deb ${mirror%/}-security $suite-security main
EOF
  # Like Debian's slim images: no manuals or translations in the images.
  cat > "$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
EOF
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  {
    chroot "$rootfs" apt-get -qq update
    DEBIAN_FRONTEND=noninteractive chroot "$rootfs" apt-get -qq -y upgrade
    chroot "$rootfs" apt-get -qq clean
  } >> "$work/debootstrap.log" 2>&1 || die "apt-get in the debootstrap root failed (log: $work/debootstrap.log)"
  # Each other set with the dependencies the base lacks, for dpkg in its image.
  for set in gdal prometheus; do
    # shellcheck disable=SC2046
    chroot "$rootfs" apt-get -qq -y --no-install-recommends --download-only install $(packages "$set") >/dev/null
    mkdir -p "$work/debs/$set"
    mv "$rootfs"/var/cache/apt/archives/*.deb "$work/debs/$set/"
  done
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/usr/share/doc/*/[!c]* \
    "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs/etc/resolv.conf" "$rootfs/etc/hostname"
  tar -C "$rootfs" --numeric-owner -c . \
    | docker import --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' - "$BASE_IMAGE" >/dev/null
  # docker import sets no labels: one layer-less build step adds the inputs.
  printf 'FROM %s\nLABEL %s=%s\n' "$BASE_IMAGE" "$label" "$1" | docker build -t "$BASE_IMAGE" - > "$work/build-base.log" 2>&1
  rm -rf "$rootfs"
}

ensure_base() {
  local inputs started=$SECONDS
  inputs=$(base_inputs)
  # The downloaded packages live only in this work dir: a fresh checkout fetches them again.
  if [ "$(inputs_of "$BASE_IMAGE")" = "$inputs" ] && { [ -d "$work/debs/gdal" ] || ! images_need_debs; }; then
    log "$BASE_IMAGE is up to date"
    return
  fi
  build_base "$inputs"
  log "built $BASE_IMAGE in $((SECONDS - started)) s"
}

# Whether an image built from downloaded packages must be (re)built.
images_need_debs() {
  [ "$(inputs_of "$GDAL_IMAGE")" != "$(gdal_inputs)" ] || [ "$(inputs_of "$PROMETHEUS_IMAGE")" != "$(prometheus_inputs)" ]
}

# --- Java: a runtime made by jlink from the build's JDK -------------------------------------------
# What Kafka, Connect, Kafka Streams, S3Proxy and chartstream use: JMX and the agent for the
# Prometheus exporter, the HTTP server of the registry and of /metrics, SASL/Kerberos classes the
# Kafka clients link against, JNDI and SQL that libraries touch at start.
JAVA_MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.cryptoki,jdk.httpserver,jdk.jfr,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.zipfs

java_inputs() { hash_of "$(image_id "$BASE_IMAGE")" "$JAVA_HOME/release" "$JAVA_MODULES" "$here/java"; }

ensure_java() {
  local inputs
  inputs=$(java_inputs)
  [ "$(inputs_of "$JAVA_IMAGE")" = "$inputs" ] && { log "$JAVA_IMAGE is up to date"; return; }
  local context=$work/java
  rm -rf "$context" && mkdir -p "$context" && cp "$here/java/Dockerfile" "$context/"
  "$JAVA_HOME/bin/jlink" --add-modules "$JAVA_MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress zip-6 --output "$context/jre"
  build "$JAVA_IMAGE" "$inputs" "$context" --build-arg "BASE_IMAGE=$BASE_IMAGE"
}

# --- Images from downloaded Debian packages --------------------------------------------------------
gdal_inputs() { hash_of "$(image_id "$JAVA_IMAGE")" "$(packages gdal)" "$here/gdal"; }
prometheus_inputs() { hash_of "$(image_id "$BASE_IMAGE")" "$(packages prometheus)" "$here/prometheus"; }

with_debs() { # with_debs SET IMAGE INPUTS DIR PARENT-ARG
  local set=$1 image=$2 inputs=$3 dir=$4 parent=$5
  [ "$(inputs_of "$image")" = "$inputs" ] && { log "$image is up to date"; return; }
  local context=$work/$set
  rm -rf "$context" && mkdir -p "$context" && cp -r "$dir"/. "$context/" && cp -r "$work/debs/$set" "$context/debs"
  build "$image" "$inputs" "$context" --build-arg "$parent"
}

# --- Images from the build's and Maven Central's jars -------------------------------------------------
mvn_copy() { # mvn_copy POM OUTPUT [extra args]: the runtime jars of POM's dependencies into OUTPUT
  local pom=$1 out=$2; shift 2
  mvn -B -ntp -q -Dstyle.color=never -f "$pom" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$out" "$@" >&2
}

ensure_kafka() {
  local context=$work/kafka
  rm -rf "$context" && mkdir -p "$context" && cp "$here/kafka"/{Dockerfile,log4j2.xml,kafka-entrypoint.sh} "$context/"
  mvn_copy "$here/kafka/pom.xml" "$context/lib"
  build "$KAFKA_IMAGE" "$(hash_of "$(image_id "$JAVA_IMAGE")" "$context")" "$context" --build-arg "JAVA_IMAGE=$JAVA_IMAGE"
}

ensure_s3() {
  local context=$work/s3proxy
  rm -rf "$context" && mkdir -p "$context" && cp "$here/s3proxy"/{Dockerfile,log4j2.xml,s3-entrypoint.sh} "$context/"
  mvn_copy "$here/s3proxy/pom.xml" "$context/lib"
  build "$S3_IMAGE" "$(hash_of "$(image_id "$JAVA_IMAGE")" "$context")" "$context" --build-arg "JAVA_IMAGE=$JAVA_IMAGE"
}

# The chartstream image: the launcher's class path (app/target/lib and the app jar), the
# connector alone on Connect's plugin path, the Prometheus JMX exporter agent, the config.
ensure_chartstream() {
  local context=$work/chartstream
  rm -rf "$context" && mkdir -p "$context"/{lib,connect-lib,jmx}
  cp "$here/chartstream/Dockerfile" "$context/"
  cp "$root"/docker/chartstream.sh "$root"/docker/connect-worker.sh "$context/"
  cp -r "$root/config" "$context/config"
  cp "$root"/app/target/chartstream-app-*[0-9T].jar "$root"/app/target/lib/*.jar "$context/lib/"
  # Connect's own class path: Kafka without chartstream, which it loads from the plugin path.
  # Links, not copies: the image holds each jar once.
  (cd "$context/lib" && for jar in *.jar; do
     case "$jar" in chartstream-*) ;; *) ln -s "../lib/$jar" "../connect-lib/$jar" ;; esac
   done)
  # Kafka, SLF4J and Jackson come from Connect's own class path: a plugin copy of one Jackson jar
  # without the other (the module declares jackson-databind for its tests only) breaks Avro.
  mvn_copy "$root/ingest-connector/pom.xml" "$context/plugin" -DexcludeGroupIds=org.apache.kafka,org.slf4j,com.fasterxml.jackson.core
  cp "$root"/ingest-connector/target/chartstream-ingest-connector-*[0-9T].jar "$context/plugin/"
  mvn -B -ntp -q -Dstyle.color=never dependency:copy -Dartifact="io.prometheus.jmx:jmx_prometheus_javaagent:$JMX_EXPORTER_VERSION" \
    -DoutputDirectory="$context/jmx" >&2
  mv "$context/jmx/jmx_prometheus_javaagent-$JMX_EXPORTER_VERSION.jar" "$context/jmx/jmx_prometheus_javaagent.jar"
  build "$CHARTSTREAM_IMAGE" "$(hash_of "$(image_id "$GDAL_IMAGE")" "$context")" "$context" --build-arg "GDAL_IMAGE=$GDAL_IMAGE"
}

# The schema registry: chartstream's own, served alone, configured like Confluent's image.
ensure_registry() {
  local context=$work/registry
  rm -rf "$context" && mkdir -p "$context" && cp "$here/registry"/* "$context/"
  build "$SCHEMA_REGISTRY_IMAGE" "$(hash_of "$(image_id "$CHARTSTREAM_IMAGE")" "$context")" "$context" \
    --build-arg "CHARTSTREAM_IMAGE=$CHARTSTREAM_IMAGE"
}

# curl (connect-init) and an `mc` for the bucket (s3-init): the base image with two entry points.
ensure_curl() {
  local context=$work/curl
  rm -rf "$context" && mkdir -p "$context" && cp "$here/curl"/* "$context/"
  build "$CURL_IMAGE" "$(hash_of "$(image_id "$BASE_IMAGE")" "$context")" "$context" --build-arg "BASE_IMAGE=$BASE_IMAGE"
}

JMX_EXPORTER_VERSION=1.0.1
mkdir -p "$work"
started=$SECONDS
ensure_base
ensure_java
with_debs gdal "$GDAL_IMAGE" "$(gdal_inputs)" "$here/gdal" "JAVA_IMAGE=$JAVA_IMAGE"
with_debs prometheus "$PROMETHEUS_IMAGE" "$(prometheus_inputs)" "$here/prometheus" "BASE_IMAGE=$BASE_IMAGE"
ensure_kafka
ensure_s3
ensure_chartstream
ensure_registry
ensure_curl
log "images ready in $((SECONDS - started)) s"
docker image ls --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' 'chartstream-local/*' >&2
