#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft) from Maven Central jars.
#
#   infra/kafka/kafka.sh fetch    resolve the broker jars with Maven (cached in ~/.m2)
#   infra/kafka/kafka.sh start    fetch, format on first use, start in the background, wait until ready
#   infra/kafka/kafka.sh wait     wait until the broker accepts connections
#   infra/kafka/kafka.sh stop     stop the broker this script started
#   infra/kafka/kafka.sh status   say whether a broker answers on the port
#   infra/kafka/kafka.sh reset    stop and delete the broker's data
#
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_DATA_DIR
# (infra/kafka/.data), KAFKA_HEAP_OPTS (-Xms256m -Xmx768m), KAFKA_WAIT_SECONDS (90).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
DATA="${KAFKA_DATA_DIR:-$HERE/.data}"
CLASSPATH_FILE="$DATA/classpath.txt"
PID_FILE="$DATA/kafka.pid"
LOG_DIR="$DATA/logs"
CONFIG="$DATA/server.properties"
WAIT_SECONDS="${KAFKA_WAIT_SECONDS:-90}"

say() { echo "[kafka] $*" >&2; }
die() { say "error: $*"; exit 1; }

require_tools() {
  command -v java >/dev/null 2>&1 || die "Java 17 or newer is required to run the Kafka broker. Install it, e.g. 'apt-get install -y openjdk-17-jre-headless'."
  command -v mvn >/dev/null 2>&1 || die "Apache Maven is required to fetch the Kafka broker jars from Maven Central. Install it, e.g. 'apt-get install -y maven'."
  local major
  major="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  [[ "${major%%.*}" -ge 17 ]] || die "Kafka 4 needs Java 17 or newer; 'java' is version $major."
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

fetch() {
  require_tools
  mkdir -p "$DATA"
  if [[ -s "$CLASSPATH_FILE" && "$CLASSPATH_FILE" -nt "$HERE/pom.xml" ]] && all_jars_present; then
    return 0
  fi
  say "resolving broker jars from Maven Central (cached in ~/.m2 after the first run)"
  mvn -B -q -f "$HERE/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=runtime \
    || die "Maven could not resolve the Kafka jars; see the output above."
}

all_jars_present() {
  local jar
  IFS=':' read -r -a jars <"$CLASSPATH_FILE"
  for jar in "${jars[@]}"; do [[ -f "$jar" ]] || return 1; done
}

render_config() {
  mkdir -p "$LOG_DIR" "$DATA/kraft"
  {
    sed -e "s/127.0.0.1:9092/127.0.0.1:$PORT/g" -e "s/127.0.0.1:9093/127.0.0.1:$CONTROLLER_PORT/g" "$HERE/server.properties"
    echo "log.dirs=$DATA/kraft"
  } >"$CONFIG"
}

java_args() {
  # shellcheck disable=SC2086 # heap options are a list of flags
  JAVA_ARGS=(java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m} -XX:+UseG1GC -Djava.awt.headless=true
    -Dlog4j2.configurationFile="$HERE/log4j2.properties" -Dkafka.logs.dir="$LOG_DIR"
    -cp "$(cat "$CLASSPATH_FILE")")
}

run_java() {
  java_args
  "${JAVA_ARGS[@]}" "$@"
}

format_once() {
  [[ -f "$DATA/kraft/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(run_java kafka.tools.StorageTool random-uuid | tail -n1)"
  say "formatting storage (cluster $cluster_id)"
  run_java kafka.tools.StorageTool format -t "$cluster_id" -c "$CONFIG" --ignore-formatted >/dev/null
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

wait_ready() {
  local deadline=$((SECONDS + WAIT_SECONDS))
  until port_open "$PORT" && { [[ ! -f "$LOG_DIR/server.log" ]] || grep -q "Kafka Server started" "$LOG_DIR/server.log"; }; do
    if [[ -f "$PID_FILE" ]] && ! running_pid >/dev/null; then
      tail -n 30 "$LOG_DIR/server.log" "$LOG_DIR/stdout.log" 2>/dev/null >&2 || true
      die "the broker exited during start-up; logs are in $LOG_DIR"
    fi
    ((SECONDS < deadline)) || die "the broker did not accept connections on 127.0.0.1:$PORT within ${WAIT_SECONDS}s; logs are in $LOG_DIR"
    sleep 0.5
  done
  say "ready on 127.0.0.1:$PORT"
}

start() {
  if port_open "$PORT"; then
    say "a broker already answers on 127.0.0.1:$PORT; leaving it alone"
    return 0
  fi
  fetch
  render_config
  format_once
  say "starting broker on 127.0.0.1:$PORT (controller $CONTROLLER_PORT), data in $DATA"
  : >"$LOG_DIR/server.log"
  java_args
  nohup "${JAVA_ARGS[@]}" kafka.Kafka "$CONFIG" >"$LOG_DIR/stdout.log" 2>&1 &
  echo $! >"$PID_FILE"
  wait_ready
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    say "no broker started by this script is running"
    rm -f "$PID_FILE"
    return 0
  fi
  say "stopping broker (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -0 "$pid" 2>/dev/null && { say "broker did not stop in 30s; killing it"; kill -KILL "$pid" || true; }
  rm -f "$PID_FILE"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  wait) wait_ready ;;
  stop) stop ;;
  status) if port_open "$PORT"; then say "up on 127.0.0.1:$PORT"; else say "down"; exit 1; fi ;;
  reset) stop; rm -rf "$DATA/kraft" "$LOG_DIR" "$CONFIG"; say "data removed" ;;
  *) echo "usage: $0 fetch|start|wait|stop|status|reset" >&2; exit 2 ;;
esac
