#!/usr/bin/env bash
# Installs what the listen page's browser test needs (test-only, not needed to run the server):
# headless Chromium, driven over its DevTools protocol, and a font so its screenshots show text.
# Safe to run again. Exits 0 even when the install fails (no network, no apt): the browser test
# (ListenPageBrowserTests) then skips and says why.
set -uo pipefail
cd "$(dirname "$0")/.."

# chromium: the listen page in a real browser (Opus decoding, DOM); fonts-dejavu-core: text in screenshots.
if ! ./scripts/install-system-deps.sh --only chromium fonts-dejavu-core; then
  echo "browser test packages: install failed; the listen page's browser test will be skipped"
fi
exit 0
