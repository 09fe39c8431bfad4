#!/usr/bin/env bash
# Installs what is missing, then builds the release site into dist/ (upload that folder).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
trunk build --release "$@"
