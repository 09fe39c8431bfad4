#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test the app on a fresh Debian
# machine with rustup, cargo, node and npm: the wasm target, Trunk, the wasm-bindgen
# CLI that matches Cargo.lock, Chromium with its driver and CJK fonts, Firefox ESR and
# WebKitGTK's WebDriver with Xvfb, and the npm packages of the browser tests (which also
# provide wasm-opt). Safe to run again.
# Source it (`. scripts/setup.sh`) to get the tools on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  # 0.22 needs a newer rustc than this machine's; about 10 minutes on 2 cores.
  log "installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The CLI must equal the library version Cargo.lock pins. Installed without --locked:
# one of its locked dependencies is not on the registry mirror.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
# The other engines of tests/browser/engines/: Firefox (driven by puppeteer-core over
# WebDriver BiDi), WebKitGTK's WebDriver and the MiniBrowser it drives (in the WebKitGTK
# library package), Xvfb for MiniBrowser, which has no headless mode, and a Latin font.
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
compgen -G "/usr/lib/*/webkit2gtk-4.1/MiniBrowser" >/dev/null || missing+=(libwebkit2gtk-4.1-0)
command -v Xvfb >/dev/null || missing+=(xvfb)
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm's binaryen gives wasm-opt 132; Debian's (108) produces a wasm that fails at start.
# workbox-build writes the service worker in Trunk's post_build hook (scripts/post-build.mjs).
if [ ! -x "$ROOT/tests/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/tests/node_modules/workbox-build" ] \
  || [ ! -d "$ROOT/tests/node_modules/puppeteer-core" ] \
  || [ "$ROOT/tests/package-lock.json" -nt "$ROOT/tests/node_modules/.package-lock.json" ]; then
  log "installing the npm packages of the browser tests"
  # `npm install` with the committed lock file, not `npm ci`: the registry mirror lacks
  # rollup's optional packages for other platforms, and `npm ci` refuses a lock file
  # without them. `npm install` installs the locked versions and leaves the lock as it is.
  (cd "$ROOT/tests" && npm install --no-audit --no-fund)
fi
export PATH="$ROOT/tests/node_modules/.bin:$PATH"
