#!/usr/bin/env bash
# The benchmark of issues 21 and 15: installs what is missing, makes one release build into
# a fresh temporary folder (not dist/, which may hold an older build), keeping its output,
# runs the criterion benches of the core, then measures the build in headless Chromium and
# writes BENCHMARKS.md at the repository's root (tests/bench/run.mjs): the weight of every
# file and of a first visit, files downloaded twice, loads on loopback, on loopback with the
# CPU 4x slower and on a phone profile (first chart visible and interactive, layout shift),
# Lighthouse's mobile scores, the What-if slider's latency, where the wasm's bytes go
# (twiggy), the core's figures, and the time the build spent baking the pages.
# Timings depend on the machine and its load; the tests never check them.
# BENCH_LOADS (default 7) sets the fresh loads per page and profile, BENCH_LIGHTHOUSE_RUNS
# (default 3) the Lighthouse runs per page.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# twiggy lists the wasm's largest items; the build and the tests do not need it.
if ! command -v twiggy >/dev/null; then
  step "installing twiggy"
  cargo install twiggy --version 0.8.0
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/talent-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

step "release build"
# Trunk also leaves the wasm before wasm-opt in target/wasm-bindgen/release/, with the
# names that the report's breakdown of the wasm by crate needs. The post-build hook's
# baking prints its time (`talent_site: baked N pages in X s`), which the report reads
# from the log; pipefail keeps a failed build failing.
trunk build --release --dist "$WORK/dist" 2>&1 | tee "$WORK/build.log"
step "criterion benches of the core"
cargo bench -p talent_core --locked
step "browser measurements, weight and the wasm's parts"
BENCH_DIST="$WORK/dist" BENCH_TARGET_DIR="$TARGET_DIR" BENCH_OUT="$PWD/BENCHMARKS.md" BENCH_BUILD_LOG="$WORK/build.log" \
  node tests/bench/run.mjs
step "wrote BENCHMARKS.md"
