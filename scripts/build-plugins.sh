#!/usr/bin/env bash
# Builds the five published packages and packs them as installable tarballs
# into dist-packages/ (git-ignored), for installing from a checkout before a
# release is on npm. Also writes dist-packages/resolutions.json: the
# `resolutions` to paste into the app's root package.json, so that the
# packages' dependencies on each other (-backend needs -common and -node)
# resolve to these tarballs instead of npm. README "Install from a checkout"
# shows how; scripts/verify-install.sh does exactly that in a fresh app.
#
#   bash scripts/build-plugins.sh [--dir-in-app dbt-erd-packages]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$ROOT"

dir_in_app="dbt-erd-packages"
if [ "${1:-}" = "--dir-in-app" ]; then dir_in_app="${2:?--dir-in-app needs a folder name}"; fi

# Dependencies first: the backend's build reads the common and node types;
# the search collator module reads the common types.
packages=(dbt-erd-common dbt-erd-node dbt-erd-backend search-backend-module-dbt-erd dbt-erd)
out="$ROOT/dist-packages"
rm -rf "$out"
mkdir -p "$out"

[ -d node_modules ] || yarn install
echo "build-plugins: type declarations (yarn tsc)"
yarn tsc

for dir in "${packages[@]}"; do
  name="$(node -p "require('./plugins/$dir/package.json').name")"
  echo "build-plugins: $name"
  yarn workspace "$name" build
  # yarn pack runs the package's prepack (backstage-cli: publishConfig into
  # package.json) and turns workspace:^ ranges into the released versions.
  yarn workspace "$name" pack --out "$out/%s-%v.tgz" >/dev/null
done

node - "$out" "$dir_in_app" <<'JS'
const fs = require('fs');
const [out, dirInApp] = process.argv.slice(2);
const tarballs = fs.readdirSync(out).filter(f => f.endsWith('.tgz')).sort();
const resolutions = {};
for (const file of tarballs) {
  const name = file.replace(/-\d+\.\d+\.\d+[^/]*\.tgz$/, '');
  resolutions[name] = `file:./${dirInApp}/${file}`;
}
fs.writeFileSync(`${out}/resolutions.json`, `${JSON.stringify({ resolutions }, null, 2)}\n`);
console.log(`\nTarballs in ${out}:\n  ${tarballs.join('\n  ')}`);
console.log(`\nCopy that folder into your app as ${dirInApp}/ and add to the app's root package.json:\n`);
console.log(JSON.stringify({ resolutions }, null, 2).split('\n').slice(1, -1).join('\n'));
JS
