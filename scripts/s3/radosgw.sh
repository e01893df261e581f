#!/usr/bin/env bash
# A real single-node Ceph radosgw (S3) on 127.0.0.1, for tests and for trying the
# S3 source locally. Everything lives in one directory; daemons are stopped by PID.
#
#   scripts/s3/radosgw.sh start   # install with apt when missing, start, create the test user, then seed:
#                                 # bucket clusterscope-sample with CORS and the bundled sample (data/sample)
#   scripts/s3/radosgw.sh stop    # stop the daemons started by `start`, by the PIDs in their pid files
#   scripts/s3/radosgw.sh env     # print the AWS_* variables that reach it
#
# Settings (environment): S3_PORT (default 7480), S3_DIR (default /tmp/clusterscope-s3-$S3_PORT).
# The monitor listens on S3_PORT+1000 (v2) and S3_PORT+1001 (v1), so several instances can run side by side.
set -euo pipefail

PORT="${S3_PORT:-7480}"
DIR="${S3_DIR:-/tmp/clusterscope-s3-$PORT}"
MON_V2=$((PORT + 1000))
MON_V1=$((PORT + 1001))
CONF="$DIR/ceph.conf"
# Local-only test credentials: this gateway listens on 127.0.0.1 and holds nothing but sample data.
ACCESS_KEY="${S3_ACCESS_KEY:-clusterscope}"
SECRET_KEY="${S3_SECRET_KEY:-clusterscope-local-secret}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

log() { echo "[radosgw] $*" >&2; }

ensure_packages() {
  if command -v radosgw >/dev/null && command -v ceph-mon >/dev/null && command -v ceph-osd >/dev/null; then return; fi
  log "installing radosgw ceph-mon ceph-osd with apt (first run only)"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends radosgw ceph-mon ceph-osd >/dev/null
}

# bash's /dev/tcp rather than curl, which a fresh machine may lack.
answers() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

write_conf() {
  cat >"$CONF" <<CONF
[global]
fsid = $(cat /proc/sys/kernel/random/uuid)
mon_host = [v2:127.0.0.1:$MON_V2,v1:127.0.0.1:$MON_V1]
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
ms_bind_ipv6 = false
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
run_dir = $DIR/run
admin_socket = $DIR/run/\$name.asok
pid_file = $DIR/run/\$name.pid
log_file = $DIR/log/\$name.log
mon_data = $DIR/mon/\$cluster-\$id
osd_data = $DIR/osd/\$cluster-\$id
keyring = $DIR/keyring
osd_objectstore = memstore
memstore_device_bytes = 2147483648
osd_pool_default_size = 1
osd_pool_default_min_size = 1
mon_allow_pool_size_one = true
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
osd_crush_chooseleaf_type = 0
mon_max_pg_per_osd = 1000
# The gateway's own first-request latency matters more here than durability.
rgw_cache_enabled = true

[client.rgw.local]
rgw_frontends = beast endpoint=127.0.0.1:$PORT
ms_mon_client_mode = crc
CONF
}

start() {
  if answers; then log "already answering on 127.0.0.1:$PORT"; return; fi
  ensure_packages
  stop_daemons quiet
  rm -rf "$DIR"
  mkdir -p "$DIR/run" "$DIR/log" "$DIR/mon" "$DIR/osd"
  write_conf
  local fsid; fsid=$(sed -n 's/^fsid = //p' "$CONF")
  ceph-authtool --create-keyring "$DIR/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --addv a "[v2:127.0.0.1:$MON_V2,v1:127.0.0.1:$MON_V1]" --fsid "$fsid" "$DIR/monmap" >/dev/null
  ceph-mon -c "$CONF" --mkfs -i a --monmap "$DIR/monmap"
  ceph-mon -c "$CONF" -i a
  local uuid osd_id; uuid=$(cat /proc/sys/kernel/random/uuid)
  osd_id=$(ceph -c "$CONF" osd new "$uuid")
  mkdir -p "$DIR/osd/ceph-$osd_id"
  ceph-osd -c "$CONF" -i "$osd_id" --mkfs --osd-uuid "$uuid" 2>/dev/null
  ceph-osd -c "$CONF" -i "$osd_id" 2>/dev/null
  radosgw -c "$CONF" -n client.rgw.local
  for _ in $(seq 1 240); do answers && break; sleep 0.25; done
  if ! answers; then log "radosgw did not answer on port $PORT; see $DIR/log"; stop_daemons; exit 1; fi
  radosgw-admin -c "$CONF" user create --uid=test --display-name=test \
    --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >/dev/null
  # A second account, so tests can own a bucket that denies the first one a single object (a real 403).
  radosgw-admin -c "$CONF" user create --uid=other --display-name=other \
    --access-key="${ACCESS_KEY}-other" --secret-key="${SECRET_KEY}-other" >/dev/null
  log "S3 on http://127.0.0.1:$PORT (data in $DIR, stop with: $0 stop)"
}

seed() {
  local root; root="$(cd "$(dirname "$0")/../.." && pwd)"
  if [ ! -d "$root/data/sample/extract_redshift_query_logs" ]; then
    "$root/node_modules/.bin/tsx" "$root/lib/sample/cli.ts" --if-missing --out "$root/data/sample" >&2
  fi
  eval "$(print_env)"
  "$root/node_modules/.bin/tsx" "$root/scripts/s3/seed.ts" 2> >(grep -v -e NodeVersionSupportWarning -e 'versions published' -e 'will require node' -e '^$' -e 'To continue receiving' -e 'and security updates' -e 'More information can' -e 'trace-warnings' >&2)
}

stop_daemons() {
  local pidfile pid
  for pidfile in "$DIR"/run/*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  done
  for pidfile in "$DIR"/run/*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
  [ "${1:-}" = quiet ] || log "stopped"
}

# Restarts only the gateway (the cluster and its data stay), as an S3 endpoint restart looks to clients.
stop_gateway() {
  local pidfile="$DIR/run/client.rgw.local.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  rm -f "$pidfile"
}

start_gateway() {
  radosgw -c "$CONF" -n client.rgw.local
  for _ in $(seq 1 240); do answers && return 0; sleep 0.25; done
  log "radosgw did not answer on port $PORT; see $DIR/log"; exit 1
}

print_env() {
  cat <<ENV
export AWS_ENDPOINT_URL_S3=http://127.0.0.1:$PORT
export AWS_ACCESS_KEY_ID=$ACCESS_KEY
export AWS_SECRET_ACCESS_KEY=$SECRET_KEY
export AWS_REGION=us-east-1
ENV
}

case "${1:-}" in
  start) start; seed ;;
  start-empty) start ;;
  stop) stop_daemons ;;
  stop-gateway) stop_gateway ;;
  start-gateway) start_gateway ;;
  env) print_env ;;
  *) echo "usage: $0 start|start-empty|stop|stop-gateway|start-gateway|env" >&2; exit 2 ;;
esac
