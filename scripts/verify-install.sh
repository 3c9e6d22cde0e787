#!/usr/bin/env bash
# The install test: does what README's "Install from a checkout" says, in a
# fresh app made by @backstage/create-app, and sees the ERD tab in Chromium.
#
#   bash scripts/verify-install.sh            new frontend system (what .ci/run runs)
#   bash scripts/verify-install.sh --legacy   legacy app, EntityLayout.Route in EntityPage.tsx
#   --keep                                    keep the temporary app (its path is printed)
#   --app DIR                                 use an app create-app made and nothing else touched
#                                             (to iterate on this script; edited in place, kept;
#                                             reuses dist-packages/ when present)
#
# Steps (each prints its time): pack the plugins (yarn build:plugins), create
# the app, copy the tarballs and paste the printed resolutions, add the two
# packages, wire them as README says, add a `local:` project and an annotated
# entity, yarn install, yarn tsc, the app build, the backend build, start the
# backend serving the built app on a free port, open the ERD tab in Chromium
# and check every demo table is drawn (and the layout worker started).
# One brace group, read whole before it runs: editing this file mid-run is safe.
{
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$ROOT"

# create-app 0.9.2 is the one that creates Backstage 1.55.0 apps (its
# dist/package.json says so); step "create" checks that it matches backstage.json.
CREATE_APP_VERSION="0.9.2"
variant=new
keep=false
given_app=""
while [ $# -gt 0 ]; do
  case "$1" in
    --legacy) variant=legacy ;;
    --keep) keep=true ;;
    --app) given_app="$(cd "${2:?--app needs a folder}" && pwd)"; keep=true; shift ;;
    *) echo "usage: bash scripts/verify-install.sh [--legacy] [--keep] [--app DIR]" >&2; exit 2 ;;
  esac
  shift
done

work="$(mktemp -d "${TMPDIR:-/tmp}/dbt-erd-verify-install.XXXXXX")"
APP="${given_app:-$work/app}"
backend_pid=""
cleanup() {
  if [ -n "$backend_pid" ]; then kill -- -"$backend_pid" 2>/dev/null || true; wait "$backend_pid" 2>/dev/null || true; fi
  if $keep; then echo "verify-install: app kept in $APP (backend log in $work)"; else rm -rf "$work"; fi
}
trap cleanup EXIT

started=$(date +%s)
step_started=$started
timings=()
step_done() {
  local now; now=$(date +%s)
  timings+=("$(printf '%-62s %5d s' "$current" $((now - step_started)))")
  step_started=$now
}
step() {
  [ -z "${current:-}" ] || step_done
  current="$1"
  echo; echo "==> verify-install [$variant]: $current"
}
fail() { echo "verify-install: FAILED in step \"$current\": $*" >&2; exit 1; }

# Traps of fresh apps on machines like CI's (README "Troubleshooting"):
# corepack must not look up the latest yarn; yarn 4.13's HTTP retry can crash
# an install; native addons (better-sqlite3) compile against the running Node
# (bootstrap.sh sets npm_config_nodedir when it provisioned Node).
export COREPACK_DEFAULT_TO_LATEST=0 YARN_HTTP_RETRY=0 YARN_ENABLE_IMMUTABLE_INSTALLS=false
COREPACK_NPM_REGISTRY="$(npm config get registry 2>/dev/null | sed 's#/*$##')"
export COREPACK_NPM_REGISTRY="${COREPACK_NPM_REGISTRY:-https://registry.npmjs.org}"
# The app is its own project, not a workspace of this repository.
unset npm_config_user_agent YARN_IGNORE_PATH

step "pack the plugins (yarn build:plugins)"
if [ -n "$given_app" ] && [ -f dist-packages/resolutions.json ]; then
  echo "verify-install: --app: reusing dist-packages/"
else
  yarn build:plugins
fi

step "create the app (@backstage/create-app@$CREATE_APP_VERSION)"
create_flags=(--path "$APP" --skip-install)
[ "$variant" = legacy ] && create_flags+=(--legacy)
[ -n "$given_app" ] ||
  (cd "$work" && BACKSTAGE_APP_NAME=app npx -y "@backstage/create-app@$CREATE_APP_VERSION" "${create_flags[@]}") ||
  fail "create-app did not create the app"
app_release="$(node -p "require('$APP/backstage.json').version")"
repo_release="$(node -p "require('$ROOT/backstage.json').version")"
[ "$app_release" = "$repo_release" ] ||
  fail "create-app $CREATE_APP_VERSION makes Backstage $app_release apps, this repo is on $repo_release; update CREATE_APP_VERSION"

step "add the packages as README says"
cp -r "$ROOT/dist-packages" "$APP/dbt-erd-packages"
node - "$APP" <<'JS' || fail "could not edit the app's package.json files"
// README: paste dist-packages/resolutions.json into the root package.json,
// then add the two packages to packages/app and packages/backend.
const fs = require('fs');
const app = process.argv[2];
const edit = (file, change) => {
  const json = JSON.parse(fs.readFileSync(`${app}/${file}`, 'utf8'));
  change(json);
  fs.writeFileSync(`${app}/${file}`, `${JSON.stringify(json, null, 2)}\n`);
};
const { resolutions } = JSON.parse(fs.readFileSync(`${app}/dbt-erd-packages/resolutions.json`, 'utf8'));
// The packed version, e.g. ^0.1.0 for dbt-erd-packages/backstage-plugin-dbt-erd-0.1.0.tgz.
const version = name => `^${resolutions[name].match(/-(\d+\.\d+\.\d+[^/]*)\.tgz$/)[1]}`;
edit('package.json', json => Object.assign((json.resolutions ??= {}), resolutions));
edit('packages/app/package.json', json => { json.dependencies['backstage-plugin-dbt-erd'] = version('backstage-plugin-dbt-erd'); });
edit('packages/backend/package.json', json => { json.dependencies['backstage-plugin-dbt-erd-backend'] = version('backstage-plugin-dbt-erd-backend'); });
edit('packages/backend/package.json', json => { json.dependencies['backstage-plugin-search-backend-module-dbt-erd'] = version('backstage-plugin-search-backend-module-dbt-erd'); });
JS

step "wire the plugin, a local: project and an entity"
mkdir -p "$APP/dbt"
cp -r "$ROOT/examples/dbt/target" "$APP/dbt/target"
node - "$APP" "$variant" <<'JS' || fail "the app's files no longer look like create-app's template"
const fs = require('fs');
const [app, variant] = process.argv.slice(2);
const patch = (file, find, replace) => {
  const path = `${app}/${file}`;
  const text = fs.readFileSync(path, 'utf8');
  if (!text.includes(find)) throw new Error(`${file}: "${find}" not found`);
  fs.writeFileSync(path, text.replace(find, replace));
};
// Backend (README): one line before backend.start().
patch('packages/backend/src/index.ts', 'backend.start();',
  "backend.add(import('backstage-plugin-dbt-erd-backend'));\n\nbackend.start();");
// README "Search": the collator module beside the template's search backend.
patch('packages/backend/src/index.ts', "backend.add(import('@backstage/plugin-search-backend'));",
  "backend.add(import('@backstage/plugin-search-backend'));\nbackend.add(import('backstage-plugin-search-backend-module-dbt-erd'));");
if (variant === 'new') {
  // New frontend system (README): a static import, added to features.
  patch('packages/app/src/App.tsx', "import catalogPlugin from '@backstage/plugin-catalog/alpha';",
    "import catalogPlugin from '@backstage/plugin-catalog/alpha';\nimport dbtErdPlugin from 'backstage-plugin-dbt-erd/alpha';");
  patch('packages/app/src/App.tsx', 'features: [catalogPlugin,', 'features: [catalogPlugin, dbtErdPlugin,');
} else {
  // Legacy frontend system (README): a route on the entity page.
  const page = 'packages/app/src/components/catalog/EntityPage.tsx';
  patch(page, "import { Button, Grid } from '@material-ui/core';",
    "import { Button, Grid } from '@material-ui/core';\nimport { EntityDbtErdContent, isDbtErdAvailable } from 'backstage-plugin-dbt-erd';");
  patch(page, `const defaultEntityPage = (
  <EntityLayout>`, `const defaultEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/dbt-erd" title="ERD" if={isDbtErdAvailable}>
      <EntityDbtErdContent />
    </EntityLayout.Route>
`);
}
// README "Configuration": a local project (relative to packages/backend).
fs.appendFileSync(`${app}/app-config.yaml`, `
dbtErd:
  localProjects:
    - name: demo
      path: ../../dbt/target
`);
// README "Annotations": an entity whose ERD is that project.
fs.appendFileSync(`${app}/examples/entities.yaml`, `
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: acme-analytics-dbt
  title: Acme analytics (dbt)
  annotations:
    getdbt.com/artifacts-location: local:demo
spec:
  type: dbt-project
  lifecycle: production
  owner: guests
`);
JS

cd "$APP"
step "yarn install"
# With YARN_HTTP_RETRY=0 (above) one failed request fails the whole install,
# and the registry answers 503 now and then: try again, from what yarn has
# already fetched into its cache, before calling the install broken.
for attempt in 1 2 3; do
  yarn install && break
  [ "$attempt" -lt 3 ] || fail "yarn install failed in the app (3 attempts)"
  echo "verify-install: yarn install failed (attempt $attempt of 3); retrying in 15 s" >&2
  sleep 15
done

# A fresh 1.55 app resolves @backstage/plugin-signals-backend to a release
# that calls httpRouter.addWebSocketHandler, while its backend-defaults ^0.18.0
# stays on one without it: the backend then fails at start-up. README
# "Troubleshooting" gives this fix; apply it only when the pair is mixed.
if grep -rqs addWebSocketHandler node_modules/@backstage/plugin-signals-backend/dist &&
  ! grep -rqs addWebSocketHandler node_modules/@backstage/backend-defaults/dist; then
  step "fix the template's backend-defaults (README Troubleshooting)"
  yarn --cwd packages/backend add "@backstage/backend-defaults@^0.19.0" ||
    fail "could not move @backstage/backend-defaults to ^0.19.0"
fi

step "yarn tsc"
yarn tsc || fail "the app does not type-check with the plugin wired as README says"

step "yarn --cwd packages/app build"
yarn --cwd packages/app build || fail "the app's frontend bundle does not build"

step "yarn build:backend"
yarn build:backend || fail "the app's backend does not build"

step "start the backend serving the built app"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
cat > "$APP/app-config.verify.yaml" <<YAML
app:
  baseUrl: http://localhost:$port
backend:
  baseUrl: http://localhost:$port
  listen:
    port: $port
  cors:
    origin: http://localhost:$port
# Only so that the test does not wait for the collator's 10-minute default:
# it indexes again every 20 s, so a run before the catalog has read the
# entity is followed by one after.
search:
  collators:
    dbtErd:
      schedule: { frequency: { seconds: 20 }, timeout: { minutes: 2 }, initialDelay: { seconds: 3 } }
YAML
log="$work/backend.log"
# setsid directly in the background: its pid is the new process group's id,
# so cleanup stops the backend and every child with one kill.
cd "$APP/packages/backend"
setsid yarn start --config "$APP/app-config.yaml" --config "$APP/app-config.verify.yaml" >"$log" 2>&1 &
backend_pid=$!
cd "$APP"
ready=false
for _ in $(seq 1 180); do
  if curl -sf "http://localhost:$port/api/dbt-erd/health" >/dev/null 2>&1 &&
    curl -sf "http://localhost:$port/" >/dev/null 2>&1; then ready=true; break; fi
  kill -0 "$backend_pid" 2>/dev/null || break
  sleep 2
done
if ! $ready; then
  tail -n 40 "$log" >&2
  grep -q "addWebSocketHandler is not a function" "$log" &&
    echo "verify-install: see README Troubleshooting: addWebSocketHandler is not a function" >&2
  fail "the backend did not answer on port $port"
fi

step "open the ERD tab in Chromium"
CHROMIUM="${CHROMIUM_PATH:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$CHROMIUM" ] || fail "no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)"
node - "$ROOT" "$APP" "http://localhost:$port" "$CHROMIUM" <<'JS' || fail "the ERD tab did not show the demo's tables"
const fs = require('fs');
const [root, app, base, chromiumPath] = process.argv.slice(2);
const { chromium } = require(require.resolve('playwright-core', { paths: [root] }));
// The expected tables, computed by the installed -common package itself.
const { buildErd } = require(require.resolve('backstage-plugin-dbt-erd-common', { paths: [`${app}/packages/backend`] }));
const read = f => JSON.parse(fs.readFileSync(`${app}/dbt/target/${f}`, 'utf8'));
const expected = buildErd({ manifest: read('manifest.json'), catalog: read('catalog.json') }).erd.nodes.map(n => n.id).sort();

(async () => {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const workers = [];
    const errors = [];
    page.on('worker', worker => workers.push(worker.url()));
    page.on('pageerror', error => errors.push(String(error)));
    // The tab's own URL; the guest sign-in page (if shown) then renders it.
    await page.goto(`${base}/catalog/default/component/acme-analytics-dbt/dbt-erd`);
    const enter = page.getByRole('button', { name: 'Enter' });
    await enter.waitFor({ timeout: 60_000 }).then(() => enter.click(), () => undefined);
    const nodes = page.locator('[data-testid="erd-node"]');
    await nodes.first().waitFor({ timeout: 120_000 }).catch(async () => {
      console.error(`verify-install: no ERD node; page text:\n${(await page.locator('body').innerText()).slice(0, 2000)}`);
      throw new Error('no [data-testid="erd-node"] on the ERD tab');
    });
    await page.waitForFunction(n => document.querySelectorAll('[data-testid="erd-node"]').length >= n, expected.length, { timeout: 60_000 });
    const drawn = (await nodes.evaluateAll(els => els.map(e => e.getAttribute('data-table-id')))).sort();
    const missing = expected.filter(id => !drawn.includes(id));
    const text = await page.locator('[data-testid="erd-diagram"]').innerText();
    const unnamed = expected.map(id => id.split('.').pop()).filter(name => !text.includes(name));
    console.log(`verify-install: ${drawn.length} tables drawn (expected ${expected.length}); layout workers: ${workers.length ? workers.join(', ') : 'none'}`);
    if (errors.length) console.log(`verify-install: page errors: ${errors.join(' | ')}`);
    if (missing.length || unnamed.length) throw new Error(`missing tables ${missing.join(', ')}; names not visible ${unnamed.join(', ')}`);
    if (!workers.length) throw new Error('the layout worker did not start (the tab laid out on the main thread)');
  } finally {
    await browser.close();
  }
})().catch(error => { console.error(`verify-install: ${error.message}`); process.exit(1); });
JS

step "search a column: the collator's dbt-table documents"
# A guest's token, as the sign-in page gets it, for the search query API.
token="$(curl -sf -H 'X-Requested-With: XMLHttpRequest' "http://localhost:$port/api/auth/guest/refresh?env=development" |
  node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).backstageIdentity.token))")" ||
  fail "could not sign in as guest for the search query"
found=""
for _ in $(seq 1 60); do
  found="$(curl -sf -H "Authorization: Bearer $token" "http://localhost:$port/api/search/query?term=roast_level&types%5B0%5D=dbt-table" |
    node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{let r=[];try{r=JSON.parse(s).results}catch{}console.log(r.filter(x=>x.type==='dbt-table'&&/dbt-erd\?focus=/.test(x.document.location)).map(x=>x.document.title).join(' '))})" || true)"
  [ -n "$found" ] && break
  sleep 5
done
[ -n "$found" ] || { tail -n 40 "$log" >&2; fail "searching roast_level found no dbt-table document"; }
echo "verify-install: search roast_level finds dbt-table documents: $found"

step_done
echo
echo "verify-install [$variant]: passed in $(( $(date +%s) - started )) s"
printf '  %s\n' "${timings[@]}"
exit 0
}
