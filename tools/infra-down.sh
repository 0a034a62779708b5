#!/usr/bin/env bash
# Stops the local broker and, if one was started, the embedded PostgreSQL.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/infra/kafka/kafka.sh" stop
pid="$(pgrep -f 'embedded-postgres.daemon' || true)"
if [[ -n "$pid" ]]; then
  echo "[postgres] stopping embedded server (pid $pid)"
  kill -TERM $pid
fi
