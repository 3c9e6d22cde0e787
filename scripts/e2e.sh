#!/usr/bin/env bash
# End-to-end: starts the dev app exactly as README's first command does,
# waits for it, runs the browser tests (headless Chromium through
# playwright-core) against it, then stops it. Expects Node and yarn on PATH.
# Usage: bash scripts/e2e.sh [--json --outputFile=FILE]
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CHROMIUM="${CHROMIUM_PATH:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$CHROMIUM" ]; then
  echo "e2e: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)" >&2
  exit 1
fi
export CHROMIUM_PATH="$CHROMIUM"

log="$(mktemp)"
started_app=false
if ! curl -sf http://localhost:7007/api/dbt-erd/health >/dev/null 2>&1; then
  # Its own process group, so that stopping it stops every child.
  setsid yarn start > "$log" 2>&1 &
  app_pid=$!
  started_app=true
fi
stop_app() {
  if $started_app; then kill -- -"$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; fi
  rm -f "$log"
}
trap stop_app EXIT

deadline=$(( $(date +%s) + 300 ))
until curl -sf http://localhost:7007/api/dbt-erd/health >/dev/null 2>&1 &&
      curl -sf http://localhost:3000 >/dev/null 2>&1; do
  if [ "$(date +%s)" -gt "$deadline" ]; then
    echo "e2e: the dev app did not start within 300 s; its log:" >&2
    tail -50 "$log" >&2
    exit 1
  fi
  sleep 2
done

yarn jest --config packages/app/e2e-tests/jest.config.js --runInBand "$@"
