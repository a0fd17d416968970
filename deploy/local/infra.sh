#!/usr/bin/env bash
# Local MariaDB 10.11 + RabbitMQ 3.10 (Debian packages) run as plain background servers
# whose data, logs, sockets and pid files all live in one folder of the project.
# No systemd, nothing under /var/lib. Several instances can run side by side with
# different folders and ports (dev stack, test suite, private brokers for failure tests).
#
#   infra.sh install
#   infra.sh start  [--dir D] [--mysql-port P] [--amqp-port P] [--only mysql|rabbitmq]
#   infra.sh stop   [--dir D] [--only mysql|rabbitmq]
#   infra.sh status [--dir D]
#   infra.sh broker-stop  [--dir D]     # rabbitmqctl stop_app: broker down, Erlang node up
#   infra.sh broker-start [--dir D]     # rabbitmqctl start_app and wait until ready
#   infra.sh broker-reset [--dir D]     # empty the broker: every queue, exchange and message
#
# `start` prints the connection URLs on stdout (MYSQL_URL=..., AMQP_URL=...); every
# other message goes to stderr.
set -euo pipefail

KASA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

DEFAULT_DIR="$KASA_ROOT/.data/infra"
DEFAULT_MYSQL_PORT=3306
DEFAULT_AMQP_PORT=5672
MYSQL_READY_TIMEOUT=90
RABBIT_READY_TIMEOUT=120
STOP_TIMEOUT=60

log() { printf 'infra: %s\n' "$*" >&2; }
die() {
  printf 'infra: error: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat >&2 <<'EOF'
usage: deploy/local/infra.sh <command> [options]

commands:
  install                  apt-get install mariadb-server rabbitmq-server chromium when missing (root)
  start                    initialise (first run) and start the servers, wait until ready,
                           print MYSQL_URL=... and AMQP_URL=... on stdout
  stop                     shut the servers down cleanly and wait
  status                   show what runs where (exit 0 when everything runs, 3 otherwise)
  broker-stop              stop the RabbitMQ application, keep the Erlang node (failure tests)
  broker-start             start the RabbitMQ application again and wait until ready
  broker-reset             empty the broker (all queues, exchanges, messages): test runs

options:
  --dir D                  data folder (default: <repo>/.data/infra)
  --mysql-port P           MariaDB TCP port (default: remembered in the folder, else 3306)
  --amqp-port P            RabbitMQ AMQP port (default: remembered in the folder, else 5672);
                           the Erlang distribution port is the AMQP port + 20000
  --only mysql|rabbitmq    start/stop only one of the two
EOF
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# ---------------------------------------------------------------------------- install

cmd_install() {
  local missing=()
  command -v mariadbd >/dev/null 2>&1 || missing+=(mariadb-server)
  command -v rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)
  # The staff console's end-to-end tests drive Debian's Chromium (playwright-core downloads none).
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  if [ "${#missing[@]}" -eq 0 ]; then
    log "mariadb-server, rabbitmq-server and chromium are already installed"
    return 0
  fi
  is_root || die "installing ${missing[*]} needs root (run: sudo $0 install)"
  log "installing ${missing[*]} from Debian packages"
  local t0 policy=/usr/sbin/policy-rc.d created_policy=
  t0=$(now)
  # Keep the packages' own system services from starting (and taking ports 3306/5672):
  # this script runs the servers itself, under the project's data folder.
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    created_policy=1
  fi
  local rc=0
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  } || rc=$?
  [ -z "$created_policy" ] || rm -f "$policy"
  [ "$rc" -eq 0 ] || die "apt-get failed (exit $rc)"
  log "installed ${missing[*]} in $(elapsed "$t0") s"
}

# ---------------------------------------------------------------------------- layout

# Sets every path and name derived from the data folder. $1 = folder (may be relative);
# only `start` creates it (--create).
setup_paths() {
  if [ "${2:-}" = --create ]; then
    mkdir -p "$1"
  elif [ ! -d "$1" ]; then
    log "no infra folder at $1 (nothing was started there)"
    return 3
  fi
  DIR=$(cd "$1" && pwd)
  PORTS_FILE="$DIR/ports.env"
  LOCK_FILE="$DIR/.lock"

  MDIR="$DIR/mysql"
  MY_CNF="$MDIR/my.cnf"
  MY_DATA="$MDIR/data"
  MY_PID="$MDIR/mariadbd.pid"
  MY_LOG="$MDIR/error.log"
  MY_OUT="$MDIR/console.log"
  local hash
  hash=$(printf '%s' "$DIR" | sha256sum | cut -c1-8)
  MY_SOCK="$MDIR/mysql.sock"
  # Unix socket paths are limited to 107 bytes.
  [ "${#MY_SOCK}" -lt 100 ] || MY_SOCK="/tmp/kasa-mysql-$hash.sock"

  RDIR="$DIR/rabbitmq"
  RABBIT_NODE="kasa-$hash@localhost"
  RABBIT_PID="$RDIR/rabbitmq.pid"
  RABBIT_OUT="$RDIR/console.log"
  RABBIT_LOG_DIR="$RDIR/log"
}

load_ports() {
  SAVED_MYSQL_PORT=
  SAVED_AMQP_PORT=
  if [ -f "$PORTS_FILE" ]; then
    SAVED_MYSQL_PORT=$(sed -n 's/^MYSQL_PORT=\([0-9]*\)$/\1/p' "$PORTS_FILE")
    SAVED_AMQP_PORT=$(sed -n 's/^AMQP_PORT=\([0-9]*\)$/\1/p' "$PORTS_FILE")
  fi
  MYSQL_PORT=${OPT_MYSQL_PORT:-${SAVED_MYSQL_PORT:-$DEFAULT_MYSQL_PORT}}
  AMQP_PORT=${OPT_AMQP_PORT:-${SAVED_AMQP_PORT:-$DEFAULT_AMQP_PORT}}
  DIST_PORT=$((AMQP_PORT + 20000))
}

save_ports() {
  local tmp="$PORTS_FILE.tmp"
  printf '# Ports chosen at the last start (read by stop/status/broker-stop).\nMYSQL_PORT=%s\nAMQP_PORT=%s\n' \
    "$MYSQL_PORT" "$AMQP_PORT" >"$tmp"
  mv "$tmp" "$PORTS_FILE"
}

# One start/stop at a time per folder (the servers are launched without this descriptor).
take_lock() {
  exec 9>"$LOCK_FILE"
  flock -w 300 9 || die "another infra.sh is busy with $DIR"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid from a pid file, only when that process is alive and is the expected program.
live_pid() {
  local file=$1 comm=$2 pid
  [ -r "$file" ] || return 1
  pid=$(tr -dc '0-9' <"$file")
  [ -n "$pid" ] || return 1
  alive "$pid" || return 1
  grep -q "$comm" "/proc/$pid/comm" 2>/dev/null || return 1
  printf '%s' "$pid"
}

# True while the process runs (a child that exited stays a zombie until reaped).
alive() {
  local state
  [ -r "/proc/$1/stat" ] || return 1
  state=$(sed 's/^.*) \(.\).*$/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

wait_gone() {
  local pid=$1 timeout=$2 t=0
  while alive "$pid"; do
    [ "$t" -lt $((timeout * 10)) ] || return 1
    sleep 0.1
    t=$((t + 1))
  done
}

# For the servers' launch subshells: raise the open-files limit and close every inherited
# descriptor above stderr (the lock, and pipes of whoever called us, which a detached
# server must not keep open).
detach_prep() {
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  local path fd
  for path in /proc/"$BASHPID"/fd/*; do
    fd=${path##*/}
    [ "$fd" -le 2 ] || exec {fd}>&- 2>/dev/null || true
  done
}

# Runs a command as the given system user (when we are root), else as ourselves.
as_user() {
  local user=$1
  shift
  if is_root; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

need_traversable() {
  local user=$1 path=$2
  is_root || return 0
  as_user "$user" test -w "$path" ||
    die "user '$user' cannot write $path (a parent folder is not accessible to it); use --dir under a world-traversable folder"
}

# ---------------------------------------------------------------------------- mariadb

mysql_admin() {
  mariadb-admin --no-defaults --protocol=socket --socket="$MY_SOCK" --user=root --connect-timeout=2 "$@"
}

mysql_pid() { live_pid "$MY_PID" mariadbd; }

write_my_cnf() {
  cat >"$MY_CNF" <<EOF
# Written by deploy/local/infra.sh at every start; edit the script, not this file.
[mariadbd]
datadir = $MY_DATA
socket = $MY_SOCK
pid-file = $MY_PID
log-error = $MY_LOG
port = $MYSQL_PORT
bind-address = 127.0.0.1
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
default-time-zone = +00:00
max_connections = 500
innodb_buffer_pool_size = 256M
max_allowed_packet = 64M
# innodb_flush_log_at_trx_commit stays at its durable default (1).
EOF
  chmod 644 "$MY_CNF"
}

mysql_launch() {
  mkdir -p "$MDIR"
  is_root && chown mysql:mysql "$MDIR"
  need_traversable mysql "$MDIR"
  write_my_cnf
  local user_args=()
  is_root && user_args=(--user=mysql)
  if [ ! -d "$MY_DATA/mysql" ]; then
    log "mysql: initialising $MY_DATA"
    rm -rf "$MY_DATA"
    mkdir -p "$MY_DATA"
    is_root && chown mysql:mysql "$MY_DATA"
    mariadb-install-db --defaults-file="$MY_CNF" "${user_args[@]}" --auth-root-authentication-method=normal \
      --skip-name-resolve --skip-test-db >>"$MDIR/install.log" 2>&1 || {
      tail -n 30 "$MDIR/install.log" >&2
      die "mysql: mariadb-install-db failed (see $MDIR/install.log)"
    }
  fi
  rm -f "$MY_PID"
  log "mysql: starting on 127.0.0.1:$MYSQL_PORT (log $MY_LOG)"
  (cd "$MDIR" && detach_prep && exec setsid mariadbd --defaults-file="$MY_CNF" "${user_args[@]}") \
    </dev/null >>"$MY_OUT" 2>&1 &
  MYSQL_LAUNCHER=$!
}

mysql_wait_ready() {
  local t0=$1 deadline=$((SECONDS + MYSQL_READY_TIMEOUT))
  while ! mysql_admin --silent ping >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 30 "$MY_LOG" >&2 2>/dev/null || true
      die "mysql: not ready after ${MYSQL_READY_TIMEOUT}s (see $MY_LOG)"
    fi
    # Fail fast when the server died while starting.
    if ! alive "$MYSQL_LAUNCHER"; then
      tail -n 30 "$MY_LOG" >&2 2>/dev/null || true
      die "mysql: server exited while starting (see $MY_LOG)"
    fi
    sleep 0.2
  done
  log "mysql: ready in $(elapsed "$t0") s"
}

mysql_stop() {
  local pid
  if ! pid=$(mysql_pid); then
    log "mysql: not running"
    return 0
  fi
  local t0
  t0=$(now)
  log "mysql: stopping (pid $pid)"
  mysql_admin shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" "$STOP_TIMEOUT"; then
    log "mysql: still running after ${STOP_TIMEOUT}s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || die "mysql: pid $pid does not go away"
  fi
  log "mysql: stopped in $(elapsed "$t0") s"
}

# ---------------------------------------------------------------------------- rabbitmq

rabbit_bin_dir() {
  if [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
    printf '/usr/lib/rabbitmq/bin'
  else
    local p
    p=$(command -v rabbitmq-server) || die "rabbitmq-server is not installed (run: $0 install)"
    dirname "$(readlink -f "$p")"
  fi
}

# Environment for the broker and its CLI tools: everything points into $RDIR, so nothing
# from /etc/rabbitmq or /var/lib/rabbitmq is used (the Erlang cookie stays in the
# rabbitmq user's home, shared by the local nodes and the CLI tools).
rabbit_env() {
  RABBIT_ENV=(
    "RABBITMQ_NODENAME=$RABBIT_NODE"
    "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1"
    "RABBITMQ_NODE_PORT=$AMQP_PORT"
    "RABBITMQ_DIST_PORT=$DIST_PORT"
    "RABBITMQ_MNESIA_BASE=$RDIR/mnesia"
    "RABBITMQ_LOG_BASE=$RABBIT_LOG_DIR"
    "RABBITMQ_PID_FILE=$RABBIT_PID"
    "RABBITMQ_CONF_ENV_FILE=$RDIR/rabbitmq-env.conf"
    "RABBITMQ_CONFIG_FILE=$RDIR/rabbitmq.conf"
    "RABBITMQ_ADVANCED_CONFIG_FILE=$RDIR/advanced.config"
    "RABBITMQ_ENABLED_PLUGINS_FILE=$RDIR/enabled_plugins"
    "RABBITMQ_SCHEDULER_BUSY_WAIT_THRESHOLD=none"
    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
    "ERL_EPMD_ADDRESS=127.0.0.1"
    "ERL_CRASH_DUMP=$RDIR/erl_crash.dump"
  )
}

rabbitmqctl_() {
  rabbit_env
  (cd "$RDIR" && as_user rabbitmq env "${RABBIT_ENV[@]}" "$(rabbit_bin_dir)/rabbitmqctl" -n "$RABBIT_NODE" "$@")
}

rabbit_diag() {
  rabbit_env
  (cd "$RDIR" && as_user rabbitmq env "${RABBIT_ENV[@]}" "$(rabbit_bin_dir)/rabbitmq-diagnostics" -n "$RABBIT_NODE" "$@")
}

rabbit_pid() { live_pid "$RABBIT_PID" beam; }

rabbit_app_running() { rabbit_diag -q check_running >/dev/null 2>&1; }

write_rabbit_config() {
  cat >"$RDIR/rabbitmq.conf" <<'EOF'
# Written by deploy/local/infra.sh at every start; edit the script, not this file.
# Address and port come from RABBITMQ_NODE_IP_ADDRESS / RABBITMQ_NODE_PORT.
loopback_users.guest = true
log.console = false
log.file.level = info
disk_free_limit.absolute = 50MB
EOF
  printf '[].\n' >"$RDIR/enabled_plugins"
  printf '# Kept empty on purpose: infra.sh passes every setting in the environment.\n' >"$RDIR/rabbitmq-env.conf"
  chmod 644 "$RDIR/rabbitmq.conf" "$RDIR/enabled_plugins" "$RDIR/rabbitmq-env.conf"
}

rabbit_launch() {
  mkdir -p "$RDIR/mnesia" "$RABBIT_LOG_DIR"
  write_rabbit_config
  is_root && chown -R rabbitmq:rabbitmq "$RDIR"
  need_traversable rabbitmq "$RDIR"
  [ -d "$RDIR/mnesia/$RABBIT_NODE" ] || log "rabbitmq: first start of node $RABBIT_NODE"
  rm -f "$RABBIT_PID"
  rabbit_env
  local bin
  bin=$(rabbit_bin_dir)
  log "rabbitmq: starting node $RABBIT_NODE on 127.0.0.1:$AMQP_PORT (log $RABBIT_LOG_DIR)"
  local as=()
  is_root && as=(runuser -u rabbitmq --)
  # runuser resets the soft limit of open files to 1024 (PAM); the broker counts every socket
  # against it and stops accepting connections once a test run has used them up, so it is
  # raised again as the rabbitmq user, to the hard limit.
  (cd "$RDIR" && detach_prep && exec setsid "${as[@]}" sh -c 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"' sh \
    env "${RABBIT_ENV[@]}" "$bin/rabbitmq-server") \
    </dev/null >>"$RABBIT_OUT" 2>&1 &
  RABBIT_LAUNCHER=$!
}

rabbit_wait_ready() {
  local t0=$1 deadline=$((SECONDS + RABBIT_READY_TIMEOUT))
  # The pid file appears as soon as the Erlang VM runs; a broker that dies while
  # booting leaves its reason in the console log.
  while ! rabbit_pid >/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ] || { [ -n "${RABBIT_LAUNCHER:-}" ] && ! alive "$RABBIT_LAUNCHER"; }; then
      tail -n 30 "$RABBIT_OUT" >&2 2>/dev/null || true
      die "rabbitmq: node did not come up (see $RABBIT_OUT and $RABBIT_LOG_DIR)"
    fi
    sleep 0.2
  done
  local left=$((deadline - SECONDS))
  [ "$left" -gt 5 ] || left=5
  if ! rabbitmqctl_ -q await_startup --timeout "$left" >&2; then
    tail -n 30 "$RABBIT_OUT" >&2 2>/dev/null || true
    die "rabbitmq: not ready (see $RABBIT_LOG_DIR)"
  fi
  local n=0
  until port_in_use "$AMQP_PORT"; do
    [ "$n" -lt 100 ] || die "rabbitmq: broker started but 127.0.0.1:$AMQP_PORT does not accept connections"
    sleep 0.1
    n=$((n + 1))
  done
  log "rabbitmq: ready in $(elapsed "$t0") s"
}

# Stops the Erlang port mapper when no node uses it any more (the first local node starts it).
epmd_cleanup() {
  command -v epmd >/dev/null 2>&1 || return 0
  local names
  names=$(epmd -names 2>/dev/null) || return 0
  if ! grep -q '^name ' <<<"$names"; then
    epmd -kill >/dev/null 2>&1 || true
  fi
}

rabbit_stop() {
  local pid
  if ! pid=$(rabbit_pid); then
    log "rabbitmq: not running"
    return 0
  fi
  local t0
  t0=$(now)
  log "rabbitmq: stopping node $RABBIT_NODE (pid $pid)"
  rabbitmqctl_ -q stop >&2 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" "$STOP_TIMEOUT"; then
    log "rabbitmq: still running after ${STOP_TIMEOUT}s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || die "rabbitmq: pid $pid does not go away"
  fi
  epmd_cleanup
  log "rabbitmq: stopped in $(elapsed "$t0") s"
}

# ---------------------------------------------------------------------------- commands

mysql_url() { printf 'MYSQL_URL=mysql://root@127.0.0.1:%s\n' "$MYSQL_PORT"; }
amqp_url() { printf 'AMQP_URL=amqp://guest:guest@127.0.0.1:%s\n' "$AMQP_PORT"; }

want() { [ -z "$OPT_ONLY" ] || [ "$OPT_ONLY" = "$1" ]; }

cmd_start() {
  local t0
  t0=$(now)
  want mysql && { command -v mariadbd >/dev/null 2>&1 || die "mariadbd not found (run: $0 install)"; }
  want rabbitmq && { command -v rabbitmq-server >/dev/null 2>&1 || die "rabbitmq-server not found (run: $0 install)"; }
  take_lock
  load_ports

  local mysql_started='' rabbit_started='' pid
  if want mysql; then
    if pid=$(mysql_pid); then
      [ -z "$SAVED_MYSQL_PORT" ] || [ "$SAVED_MYSQL_PORT" = "$MYSQL_PORT" ] ||
        die "mysql already runs in $DIR on port $SAVED_MYSQL_PORT (stop it first to change the port)"
      log "mysql: already running (pid $pid) on 127.0.0.1:$MYSQL_PORT"
    else
      port_in_use "$MYSQL_PORT" && die "port $MYSQL_PORT is already used by another program (choose --mysql-port)"
      mysql_launch
      mysql_started=1
    fi
  else
    MYSQL_PORT=${SAVED_MYSQL_PORT:-$MYSQL_PORT}
  fi

  if want rabbitmq; then
    if pid=$(rabbit_pid); then
      [ -z "$SAVED_AMQP_PORT" ] || [ "$SAVED_AMQP_PORT" = "$AMQP_PORT" ] ||
        die "rabbitmq already runs in $DIR on port $SAVED_AMQP_PORT (stop it first to change the port)"
      if rabbit_app_running; then
        log "rabbitmq: already running (pid $pid) on 127.0.0.1:$AMQP_PORT"
      else
        log "rabbitmq: node is up but the broker is stopped; starting it"
        rabbitmqctl_ -q start_app >&2
        rabbit_started=1
      fi
    else
      port_in_use "$AMQP_PORT" && die "port $AMQP_PORT is already used by another program (choose --amqp-port)"
      port_in_use "$DIST_PORT" && die "port $DIST_PORT (Erlang distribution = AMQP port + 20000) is already used"
      rabbit_launch
      rabbit_started=1
    fi
  else
    AMQP_PORT=${SAVED_AMQP_PORT:-$AMQP_PORT}
  fi

  save_ports
  [ -z "$mysql_started" ] || mysql_wait_ready "$t0"
  [ -z "$rabbit_started" ] || rabbit_wait_ready "$t0"
  log "ready in $(elapsed "$t0") s (data in $DIR)"
  want mysql && mysql_url
  want rabbitmq && amqp_url
  return 0
}

cmd_stop() {
  take_lock
  load_ports
  if want rabbitmq; then rabbit_stop; fi
  if want mysql; then mysql_stop; fi
}

cmd_status() {
  load_ports
  local pid rc=0
  printf 'dir:      %s\n' "$DIR"
  if pid=$(mysql_pid); then
    if mysql_admin --silent ping >/dev/null 2>&1; then
      printf 'mysql:    running (pid %s)  mysql://root@127.0.0.1:%s  socket %s  log %s\n' \
        "$pid" "$MYSQL_PORT" "$MY_SOCK" "$MY_LOG"
    else
      printf 'mysql:    starting or not answering (pid %s)  log %s\n' "$pid" "$MY_LOG"
      rc=3
    fi
  else
    printf 'mysql:    not running\n'
    rc=3
  fi
  if pid=$(rabbit_pid); then
    if rabbit_app_running; then
      printf 'rabbitmq: running (pid %s)  amqp://guest:guest@127.0.0.1:%s  node %s  log %s\n' \
        "$pid" "$AMQP_PORT" "$RABBIT_NODE" "$RABBIT_LOG_DIR"
    else
      printf 'rabbitmq: node up, broker stopped (pid %s)  node %s  log %s\n' "$pid" "$RABBIT_NODE" "$RABBIT_LOG_DIR"
      rc=3
    fi
  else
    printf 'rabbitmq: not running\n'
    rc=3
  fi
  return "$rc"
}

cmd_broker_stop() {
  load_ports
  rabbit_pid >/dev/null || die "rabbitmq is not running in $DIR"
  local t0
  t0=$(now)
  rabbitmqctl_ -q stop_app >&2
  log "rabbitmq: broker stopped in $(elapsed "$t0") s (node $RABBIT_NODE still up)"
}

cmd_broker_start() {
  load_ports
  rabbit_pid >/dev/null || die "rabbitmq is not running in $DIR (use: $0 start --dir $DIR)"
  local t0
  t0=$(now)
  rabbitmqctl_ -q start_app >&2
  rabbit_wait_ready "$t0"
}

# Wipes every queue, exchange and message: test runs start from an empty broker, so the
# namespaces earlier runs left behind never pile up (hundreds of quorum queues slow it down).
cmd_broker_reset() {
  load_ports
  rabbit_pid >/dev/null || die "rabbitmq is not running in $DIR (use: $0 start --dir $DIR)"
  local t0
  t0=$(now)
  rabbitmqctl_ -q stop_app >&2
  rabbitmqctl_ -q reset >&2
  rabbitmqctl_ -q start_app >&2
  rabbit_wait_ready "$t0"
}

# ---------------------------------------------------------------------------- main

main() {
  local cmd=${1:-help}
  [ $# -eq 0 ] || shift
  OPT_DIR=$DEFAULT_DIR
  OPT_MYSQL_PORT=
  OPT_AMQP_PORT=
  OPT_ONLY=
  while [ $# -gt 0 ]; do
    case "$1" in
      --dir) OPT_DIR=${2:?--dir needs a value}; shift 2 ;;
      --dir=*) OPT_DIR=${1#*=}; shift ;;
      --mysql-port) OPT_MYSQL_PORT=${2:?--mysql-port needs a value}; shift 2 ;;
      --mysql-port=*) OPT_MYSQL_PORT=${1#*=}; shift ;;
      --amqp-port) OPT_AMQP_PORT=${2:?--amqp-port needs a value}; shift 2 ;;
      --amqp-port=*) OPT_AMQP_PORT=${1#*=}; shift ;;
      --only) OPT_ONLY=${2:?--only needs a value}; shift 2 ;;
      --only=*) OPT_ONLY=${1#*=}; shift ;;
      -h | --help) usage; exit 0 ;;
      *) usage; die "unknown option: $1" ;;
    esac
  done
  case "$OPT_ONLY" in '' | mysql | rabbitmq) ;; *) die "--only takes mysql or rabbitmq" ;; esac
  if [ -n "$OPT_MYSQL_PORT" ] && ! { [[ "$OPT_MYSQL_PORT" =~ ^[0-9]+$ ]] && [ "$OPT_MYSQL_PORT" -ge 1 ] && [ "$OPT_MYSQL_PORT" -le 65535 ]; }; then
    die "invalid --mysql-port: $OPT_MYSQL_PORT"
  fi
  if [ -n "$OPT_AMQP_PORT" ] && ! { [[ "$OPT_AMQP_PORT" =~ ^[0-9]+$ ]] && [ "$OPT_AMQP_PORT" -ge 1 ] && [ "$OPT_AMQP_PORT" -le 45535 ]; }; then
    die "invalid --amqp-port: $OPT_AMQP_PORT (1-45535: the Erlang distribution port is the AMQP port + 20000)"
  fi

  case "$cmd" in
    install) cmd_install ;;
    start) setup_paths "$OPT_DIR" --create; cmd_start ;;
    stop) setup_paths "$OPT_DIR" || exit 0; cmd_stop ;;
    status) setup_paths "$OPT_DIR" || exit 3; cmd_status ;;
    broker-stop) setup_paths "$OPT_DIR" || exit 1; cmd_broker_stop ;;
    broker-start) setup_paths "$OPT_DIR" || exit 1; cmd_broker_start ;;
    broker-reset) setup_paths "$OPT_DIR" || exit 1; cmd_broker_reset ;;
    help | -h | --help) usage ;;
    *) usage; die "unknown command: $cmd" ;;
  esac
}

main "$@"
