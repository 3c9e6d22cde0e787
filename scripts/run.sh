#!/usr/bin/env bash
# The one entry point for people and CI:
#   bash scripts/run.sh start   install if needed, then serve the dev app (http://localhost:3000, backend :7007)
#   bash scripts/run.sh test    install if needed, then run every test suite
#   bash scripts/run.sh <any yarn script> [args]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$ROOT"

install() {
  if [ "${CI:-}" = "true" ]; then
    yarn install --immutable
  else
    yarn install
  fi
}

cmd="${1:-}"
[ -n "$cmd" ] || { echo "usage: bash scripts/run.sh start|test|<yarn script> [args]" >&2; exit 2; }
shift
install
# With DBT_CLOUD_SERVICE_TOKEN set, the dev app also reads that dbt Cloud
# account, and the catalog gets an entity annotated with its job (or run).
dbt_cloud_config() {
  [ -n "${DBT_CLOUD_SERVICE_TOKEN:-}" ] || return 0
  : "${DBT_CLOUD_ACCOUNT_ID:?set DBT_CLOUD_ACCOUNT_ID with DBT_CLOUD_SERVICE_TOKEN}"
  : "${DBT_CLOUD_ACCESS_URL:?set DBT_CLOUD_ACCESS_URL with DBT_CLOUD_SERVICE_TOKEN: the account's access URL from dbt Cloud's Account settings -> Access URLs, e.g. https://ab123.us1.dbt.com (or http://127.0.0.1:8765 for yarn dev:fake-dbt-cloud)}"
  local annotation
  if [ -n "${DBT_CLOUD_RUN_ID:-}" ]; then annotation="getdbt.com/cloud-run-id: '${DBT_CLOUD_RUN_ID}'"
  elif [ -n "${DBT_CLOUD_JOB_ID:-}" ]; then annotation="getdbt.com/cloud-job-id: '${DBT_CLOUD_JOB_ID}'"
  else echo "run.sh: set DBT_CLOUD_JOB_ID (or DBT_CLOUD_RUN_ID) with DBT_CLOUD_SERVICE_TOKEN" >&2; exit 2
  fi
  mkdir -p "$ROOT/.tools/dev"
  cat > "$ROOT/.tools/dev/dbt-cloud-entity.yaml" <<YAML
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: dbt-cloud-project
  title: dbt Cloud project (from DBT_CLOUD_* variables)
  annotations:
    $annotation
spec:
  type: dbt-project
  lifecycle: production
  owner: group:default/data-platform
  system: analytics
YAML
  echo "--config $ROOT/app-config.yaml --config $ROOT/app-config.dbt-cloud.yaml"
}

case "$cmd" in
  test) exec yarn test:all "$@" ;;
  start) exec yarn start $(dbt_cloud_config) "$@" ;;
  *) exec yarn "$cmd" "$@" ;;
esac
