#!/usr/bin/env bash
# Finds, or provisions, the Chromium the browser tests drive, and prints its
# path on stdout (everything else goes to stderr). In order:
#   1. CHROMIUM_PATH, or a system chromium / chromium-browser / google-chrome;
#   2. Playwright's own Chromium, if it was downloaded before;
#   3. as root with apt-get: Debian's `chromium` (apt-get update first);
#   4. Playwright's download (`playwright-core install chromium`), where the
#      network reaches Playwright's CDN.
# Exits 1, naming what to install, when none of them gives a Chromium.
# Usage: CHROMIUM_PATH="$(bash scripts/ensure-chromium.sh)"
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { echo "ensure-chromium: $*" >&2; }

# A binary counts only if it starts and tells its version.
usable() { [ -n "$1" ] && [ -x "$1" ] && timeout 60 "$1" --version >/dev/null 2>&1; }

system_chromium() {
  local name path
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    usable "$CHROMIUM_PATH" && { echo "$CHROMIUM_PATH"; return 0; }
    say "CHROMIUM_PATH=$CHROMIUM_PATH does not start; looking for another Chromium"
  fi
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    path="$(command -v "$name" 2>/dev/null)" || continue
    usable "$path" && { echo "$path"; return 0; }
  done
  return 1
}

playwright_chromium() {
  local path
  path="$(node -e 'console.log(require("playwright-core").chromium.executablePath())' 2>/dev/null)" || return 1
  usable "$path" && echo "$path"
}

found="$(system_chromium || playwright_chromium)" && { echo "$found"; exit 0; }

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "no Chromium found; installing Debian's chromium (apt-get, as root)"
  if apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2; then
    found="$(system_chromium)" && { echo "$found"; exit 0; }
  fi
  say "apt-get install chromium did not give a usable chromium"
fi

say "trying Playwright's download (playwright-core install chromium)"
if timeout 600 node node_modules/playwright-core/cli.js install chromium >&2; then
  found="$(playwright_chromium)" && { echo "$found"; exit 0; }
fi

say "no Chromium for the browser tests. Install one, then run again:"
say "  Debian/Ubuntu: sudo apt-get install chromium   (or chromium-browser)"
say "  elsewhere:     npx playwright install chromium, or install Google Chrome"
say "  or point CHROMIUM_PATH at a Chromium/Chrome binary"
exit 1
