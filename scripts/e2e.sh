#!/usr/bin/env bash
# End-to-end tests in real headless Chromium against the production build. The
# sample server is `npm start` in a fresh copy of the checkout (scripts/fresh-copy.sh),
# so every spec that uses it also proves that the README's first command builds
# and serves every feature; the bad-input servers use this checkout's build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-chromium.sh
echo "== build"
npm run --silent build
echo "== fixtures"
node_modules/.bin/tsx e2e/fixtures/prepare.ts
echo "== S3 (radosgw)"
source scripts/s3/for-tests.sh
echo "== first run: a fresh copy that the sample server starts with npm start, as the README says"
export E2E_FIRST_RUN_DIR="${E2E_FIRST_RUN_DIR:-${TMPDIR:-/tmp}/clusterscope-first-run-${E2E_PORT_BASE:-3100}}"
bash scripts/fresh-copy.sh "$E2E_FIRST_RUN_DIR"
echo "== playwright"
node_modules/.bin/playwright test "$@"
