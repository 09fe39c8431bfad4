#!/usr/bin/env bash
# Installs what is missing, then builds the release site into dist/ (upload that folder):
# the app, its web app manifest and icons, and the offline service worker (sw.js), which
# Trunk's post_build hook (scripts/post-build.mjs) generates with Workbox.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
trunk build --release "$@"
