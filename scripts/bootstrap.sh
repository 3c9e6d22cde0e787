#!/usr/bin/env bash
# Sourced by scripts/run.sh and .ci/run. Makes a supported Node.js (22 or 24)
# and this repo's pinned Yarn available on PATH, provisioning Node 24 into the
# git-ignored .tools/ folder when the system Node is missing or too old.
# Safe to source more than once.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_PROVISION_VERSION="24.22.3"
YARN_RELEASE="$ROOT/.yarn/releases/yarn-4.13.0.cjs"

node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

provision_node() {
  local os arch pkg dir
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) echo "bootstrap: unsupported OS $(uname -s); install Node.js 22 or 24 yourself" >&2; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "bootstrap: unsupported CPU $(uname -m); install Node.js 22 or 24 yourself" >&2; return 1 ;;
  esac
  pkg="node-$os-$arch"
  dir="$ROOT/.tools/node"
  if [ ! -x "$dir/node_modules/$pkg/bin/node" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "bootstrap: Node.js 22+ is required and npm is not available to fetch it; install Node.js 22 or 24" >&2
      return 1
    fi
    echo "bootstrap: system Node.js is $(node --version 2>/dev/null || echo missing); provisioning Node $NODE_PROVISION_VERSION into .tools/node" >&2
    mkdir -p "$dir"
    npm install --silent --no-save --no-package-lock --no-audit --no-fund \
      --prefix "$dir" "$pkg@$NODE_PROVISION_VERSION" >&2 || return 1
  fi
  NODE_HOME="$dir/node_modules/$pkg"
  export PATH="$NODE_HOME/bin:$PATH"
  # Native addons must compile against the headers of the Node that loads them.
  export npm_config_nodedir="$NODE_HOME"
}

if [ "$(node_major node)" -lt 22 ]; then
  provision_node || return 1 2>/dev/null || exit 1
fi

# Yarn is the release committed in .yarn/releases; a shim puts it on PATH so
# that no global yarn or corepack is needed. The shim finds the release
# relative to itself, so a moved or copied checkout keeps working.
mkdir -p "$ROOT/.tools/bin"
printf '#!/usr/bin/env sh\nexec node "$(dirname "$0")/../../.yarn/releases/%s" "$@"\n' \
  "$(basename "$YARN_RELEASE")" > "$ROOT/.tools/bin/yarn"
chmod +x "$ROOT/.tools/bin/yarn"
export PATH="$ROOT/.tools/bin:$PATH"
export COREPACK_ENABLE_STRICT=0
