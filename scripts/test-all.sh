#!/usr/bin/env bash
# The whole test suite: every package's unit and integration tests (Jest),
# then the end-to-end suites. Ends with one summary line that counts them all.
# Expects Node and yarn on PATH (scripts/run.sh test sets them up).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
results="$(mktemp -d)"
status=0

CI=true yarn backstage-cli repo test --ci --json --outputFile="$results/jest.json" "$@" || status=1

# Browser tests against the dev app; SKIP_E2E=true leaves them out.
if [ "${SKIP_E2E:-}" != "true" ]; then
  bash scripts/e2e.sh --ci --json --outputFile="$results/e2e.json" || status=1
fi

node - "$results" <<'JS' || status=1
const fs = require('fs');
const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
for (const file of fs.readdirSync(dir)) {
  const r = JSON.parse(fs.readFileSync(`${dir}/${file}`, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
  skipped += r.numPendingTests + (r.numTodoTests || 0);
}
console.log(`\nAll suites: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
JS
rm -rf "$results"
exit $status
