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
case "$cmd" in
  test) exec yarn test:all "$@" ;;
  *) exec yarn "$cmd" "$@" ;;
esac
