#!/usr/bin/env bash
# The performance benchmark of issue 8: installs what is missing, builds the release site
# and the same with `--features bench` into temporary folders, runs the criterion benches
# of the core, then measures weight, first chart, slider latency and the 200 x 200 flow
# matrix in headless Chromium (tests/bench/run.mjs) and writes BENCHMARKS.md.
# Timings depend on the machine and its load; the tests never check them.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/talent-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

step "release build"
trunk build --release --dist "$WORK/release"
step "release build with the bench hooks (--features bench)"
trunk build --release --features bench --dist "$WORK/bench"
step "criterion benches of the core"
cargo bench -p talent_core --locked
step "browser measurements"
BENCH_RELEASE_DIST="$WORK/release" BENCH_FEATURE_DIST="$WORK/bench" \
  BENCH_CRITERION="$TARGET_DIR/criterion" BENCH_OUT="$PWD/BENCHMARKS.md" \
  node tests/bench/run.mjs
step "wrote BENCHMARKS.md"
