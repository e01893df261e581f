#!/usr/bin/env bash
# End-to-end tests in real headless Chromium against the production build.
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
echo "== playwright"
node_modules/.bin/playwright test "$@"
