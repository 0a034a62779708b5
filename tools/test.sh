#!/usr/bin/env bash
# `npm test`: the whole suite against the real PostgreSQL and Kafka broker.
# Stages run in order and stop at the first failure; each prints its wall time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p .data
LOG=.data/test-output.log
: >"$LOG"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false KAFKAJS_NO_PARTITIONER_WARNING=1

stage() {
  local name="$1"; shift
  local began=$SECONDS
  echo
  echo "=== $name"
  "$@" 2>&1 | tee -a "$LOG"
  echo "=== $name: ok in $((SECONDS - began))s"
}

# One closing line for the whole run, summed over every jest run: "tests: N passed, N failed".
summary() {
  local status=$?
  set +eo pipefail
  local counts
  counts="$(sed -e 's/\x1b\[[0-9;]*m//g' "$LOG" | grep -E '^([a-z0-9:-]+: )?Tests: ' || true)"
  local passed failed
  passed="$(grep -oE '[0-9]+ passed' <<<"$counts" | awk '{s+=$1} END {print s+0}')"
  failed="$(grep -oE '[0-9]+ failed' <<<"$counts" | awk '{s+=$1} END {print s+0}')"
  echo
  echo "tests: $passed passed, $failed failed"
  exit "$status"
}
trap summary EXIT

total=$SECONDS
# The integrator guide's commands are run with kcat, as an outside integrator would run them.
if ! command -v kcat >/dev/null 2>&1; then
  echo "npm test needs kcat (the integrator e2e runs docs/integrators.md with it): on Debian, apt-get install kcat (.ci/run installs it)" >&2
  exit 1
fi
stage "infrastructure (Kafka, PostgreSQL)" node -r @swc-node/register tools/infra-up.ts
stage "lint and formatting" bash -c "npx nx run-many -t lint --outputStyle=stream && npx prettier --check ."
stage "type check" npx nx run-many -t typecheck --outputStyle=stream
stage "schema drift (SDL, supergraph, AsyncAPI)" npm run -s graphql:check
stage "unit tests" npx nx run-many -t test --outputStyle=stream
# Two projects at a time: each file runs in band, and the tests mostly wait on Kafka and PostgreSQL, so two
# share the two cores without crowding; every spec has its own databases, topic prefix and ports.
stage "integration tests (real PostgreSQL and Kafka)" npx nx run-many -t integration --parallel=2 --outputStyle=stream
stage "end-to-end (whole platform through the gateway)" npx nx run platform-e2e:e2e --outputStyle=stream
# One fault of each kind against a platform of its own (own broker, databases, ports); the long form writes docs/reliability.md.
stage "chaos, short form (faults, then nothing lost or applied twice)" npm run -s chaos -- --short --seed 1
echo
echo "All stages passed in $((SECONDS - total))s."
