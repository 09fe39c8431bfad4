#!/usr/bin/env bash
# Installs what is missing, then runs the whole test suite: format check, clippy with
# warnings as errors (native and wasm), the native tests of every crate (core, chart
# snapshots, the baked site; the app crate holds only browser glue), benchmarks compiled,
# the release build, and the browser tests (Chromium, then a cross-engine pass in Firefox
# and WebKit).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check
step "clippy (native)"
cargo clippy --workspace --all-targets --all-features --locked -- -D warnings
step "clippy (wasm)"
cargo clippy -p talent_app --target wasm32-unknown-unknown --locked -- -D warnings
step "native tests"
cargo test --workspace --exclude talent_app --all-features --locked
step "benchmarks compile"
cargo bench -p talent_core --locked --no-run
step "release build"
trunk build --release
step "browser tests"
(cd tests && npm test)
