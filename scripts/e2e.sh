#!/usr/bin/env bash
# End-to-end: starts its own dev app (as README's first command does, on two
# free ports, so that it never tests whatever else answers on :3000/:7007),
# waits for it, runs the browser tests (headless Chromium through
# playwright-core) against it, then stops it. Expects Node and yarn on PATH.
# Usage: bash scripts/e2e.sh [jest args, e.g. --json --outputFile=FILE]
# When E2E_REASON_FILE is set and the tests cannot start, the reason is
# written there (scripts/test-all.sh reports it by name).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

cannot_start() {
  echo "e2e: $1" >&2
  [ -n "${E2E_REASON_FILE:-}" ] && echo "$1" > "$E2E_REASON_FILE"
  exit 1
}

CHROMIUM_PATH="$(bash scripts/ensure-chromium.sh)" ||
  cannot_start "no Chromium (see the ensure-chromium message above for what to install)"
export CHROMIUM_PATH

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}
APP_PORT="$(free_port)"
BACKEND_PORT="$(free_port)"
while [ "$BACKEND_PORT" = "$APP_PORT" ]; do BACKEND_PORT="$(free_port)"; done
# The fake dbt Cloud (scripts/fake-dbt-cloud.js: job 1 with two runs, CI job 2)
# for the comparison test's entity.
FAKE_DBT_CLOUD_PORT="$(free_port)"
while [ "$FAKE_DBT_CLOUD_PORT" = "$APP_PORT" ] || [ "$FAKE_DBT_CLOUD_PORT" = "$BACKEND_PORT" ]; do
  FAKE_DBT_CLOUD_PORT="$(free_port)"
done
APP="http://localhost:$APP_PORT"
BACKEND="http://localhost:$BACKEND_PORT"

work="$(mktemp -d)"
log="$work/dev-app.log"
cat > "$work/app-config.e2e.yaml" <<YAML
app:
  baseUrl: $APP
backend:
  baseUrl: $BACKEND
  listen:
    port: $BACKEND_PORT
  cors:
    origin: $APP
dbtErd:
  cloud:
    accounts:
      - name: fake
        accountId: 1
        accessUrl: http://127.0.0.1:$FAKE_DBT_CLOUD_PORT
        token: dev-token
catalog:
  locations:
    - type: file
      target: $ROOT/catalog-info.yaml
    - type: file
      target: $ROOT/examples/entities.yaml
    - type: file
      target: $work/dbt-cloud-entity.yaml
YAML
cat > "$work/dbt-cloud-entity.yaml" <<YAML
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: acme-analytics-dbt-cloud
  title: Acme analytics on dbt Cloud (fake)
  annotations:
    getdbt.com/cloud-job-id: '1'
    getdbt.com/cloud-ci-job-id: '2'
spec:
  type: dbt-project
  lifecycle: production
  owner: group:default/data-platform
  system: analytics
YAML

FAKE_DBT_CLOUD_PORT="$FAKE_DBT_CLOUD_PORT" setsid node scripts/fake-dbt-cloud.js > "$work/fake-dbt-cloud.log" 2>&1 &
fake_pid=$!
# Its own process group, so that stopping it stops every child.
setsid yarn start --config "$ROOT/app-config.yaml" --config "$work/app-config.e2e.yaml" > "$log" 2>&1 &
app_pid=$!
stop_app() {
  kill -- -"$app_pid" 2>/dev/null
  wait "$app_pid" 2>/dev/null
  kill -- -"$fake_pid" 2>/dev/null
  wait "$fake_pid" 2>/dev/null
  rm -rf "$work"
}
trap stop_app EXIT

deadline=$(( $(date +%s) + ${E2E_START_TIMEOUT_S:-420} ))
until curl -sf "$BACKEND/api/dbt-erd/health" >/dev/null 2>&1 &&
      curl -sf "$APP" >/dev/null 2>&1; do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    tail -50 "$log" >&2
    cannot_start "the dev app exited before it answered (its log is above)"
  fi
  if [ "$(date +%s)" -gt "$deadline" ]; then
    tail -50 "$log" >&2
    cannot_start "the dev app did not answer on $APP and $BACKEND within ${E2E_START_TIMEOUT_S:-420} s (its log is above)"
  fi
  sleep 2
done

E2E_APP_URL="$APP" yarn jest --config packages/app/e2e-tests/jest.config.js --runInBand "$@"
