#!/usr/bin/env bash
# The Docker engine the container tests and the local images need, from Debian's packages.
#
#   docker/engine.sh start          # an engine answers afterwards (started here if none did)
#   docker/engine.sh run CMD ARGS…  # CMD with an engine; one started for it is stopped after
#                                   # (CMD runs without one if none can start)
#
# Installs docker.io (dockerd, containerd, runc), Debian's docker-compose and debootstrap when
# missing (as root, with apt), starts dockerd only when no engine answers, and stops only a
# dockerd it started. An engine started here also gets a firewall rule: what containers send
# leaves them only into Docker's own bridges (this machine's container networks), never beyond.
set -euo pipefail
log=${CHARTSTREAM_DOCKERD_LOG:-/var/log/chartstream-dockerd.log}
pidfile=/run/chartstream-dockerd.pid

die() { echo "engine: $*" >&2; exit 1; }

install_missing() {
  local missing=() pkg
  for pkg in docker.io docker-compose debootstrap; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}'"
  echo "engine: installing ${missing[*]} (apt-get)" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

answers() { docker version >/dev/null 2>&1; }

# Forwarded packets from a Docker bridge (docker0, br-…) to anything but a Docker bridge are dropped.
egress_rules() {
  local action=$1
  iptables "$action" DOCKER-USER -i br-+ -j DROP 2>/dev/null || [ "$action" = -D ]
  iptables "$action" DOCKER-USER -i docker0 -j DROP 2>/dev/null || [ "$action" = -D ]
  iptables "$action" DOCKER-USER -o br-+ -j RETURN 2>/dev/null || [ "$action" = -D ]
  iptables "$action" DOCKER-USER -o docker0 -j RETURN 2>/dev/null || [ "$action" = -D ]
}

# Starts dockerd; prints its pid.
start_dockerd() {
  [ "$(id -u)" -eq 0 ] || die "no Docker engine answers and only root can start one (sudo dockerd)"
  echo "engine: starting dockerd (log: $log)" >&2
  setsid dockerd --pidfile "$pidfile" > "$log" 2>&1 < /dev/null &
  local pid=$! waited=0
  until answers; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$log" >&2; die "dockerd exited; see $log"; }
    [ $waited -lt 60 ] || { tail -20 "$log" >&2; kill "$pid"; die "dockerd did not answer within 60 s; see $log"; }
    sleep 1; waited=$((waited + 1))
  done
  # -I inserts at the top: the RETURNs for traffic into a bridge end up before the DROPs.
  egress_rules -I || { stop_dockerd "$pid"; die "cannot add the containers' egress rule to iptables' DOCKER-USER chain"; }
  echo "$pid"
}

stop_dockerd() {
  local pid=$1 waited=0
  egress_rules -D
  kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  echo "engine: stopped the dockerd started here" >&2
}

case "${1:-}" in
  start)
    install_missing
    answers || start_dockerd >/dev/null
    ;;
  run)
    shift
    [ $# -gt 0 ] || die "usage: docker/engine.sh run CMD [ARGS…]"
    # Without an engine CMD still runs: the tests that need one fail (CI=true) or are skipped, saying why.
    started=
    if ! (install_missing) || ! { answers || started=$(start_dockerd); }; then
      echo "engine: no Docker engine; the container tests cannot run" >&2
    fi
    status=0
    "$@" || status=$?
    [ -z "$started" ] || stop_dockerd "$started"
    exit "$status"
    ;;
  *)
    die "usage: docker/engine.sh start | run CMD [ARGS…]"
    ;;
esac
