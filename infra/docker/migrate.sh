#!/bin/sh
# `docker run <image> migrate`: applies the app's pending migrations once and exits (ADR 0025, ADR 0030).
# It reads DATABASE_URL and the PG* TLS variables as the service does.
set -eu
if [ ! -f /app/migrate.js ]; then
  echo "this image's app has no database: there is nothing to migrate" >&2
  exit 2
fi
exec node /app/migrate.js "$@"
