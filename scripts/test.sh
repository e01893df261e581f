#!/usr/bin/env bash
# `npm test`: lint and typecheck, unit tests beside the modules, then the
# end-to-end tests in real Chromium. Installs what it needs where it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

started=$(date +%s)
echo "== lint"
node_modules/.bin/eslint --max-warnings=0 .
echo "== format (prettier --check; npm run format fixes it)"
node_modules/.bin/prettier --check --log-level warn .
echo "== typecheck"
node_modules/.bin/tsc6 --noEmit -p tsconfig.json
echo "== S3 (radosgw) for the tests that read from S3"
source scripts/s3/for-tests.sh
echo "== unit tests"
node_modules/.bin/vitest run
echo "== end-to-end tests"
bash scripts/e2e.sh
echo "== security attack suite (production build, bundled sample)"
npm run --silent test:security
echo "== benchmark smoke (bundled sample; proves npm run bench runs, no thresholds)"
npm run --silent bench -- --smoke --no-build --port $(( ${E2E_PORT_BASE:-3100} + 9 ))
echo "== all tests passed in $(( $(date +%s) - started )) s"
