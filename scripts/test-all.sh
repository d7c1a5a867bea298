#!/usr/bin/env bash
# `npm test`: type check, Vitest (unit + integration on real PostgreSQL), Playwright e2e in Chromium.
# Every suite runs even when an earlier one fails; the last line is the total, "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json test-results/e2e-results.json
passed=0
failed=0
status=0

echo "▶ type check (tsc --noEmit)"
if npx --no-install tsc --noEmit -p .; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi

echo "▶ unit and integration tests (vitest)"
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1
read -r vp vf < <(node -e '
  try { const r = require("./test-results/vitest.json"); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0)); }
  catch { console.log(0, 1); }')
passed=$((passed + vp)); failed=$((failed + vf))

echo "▶ end-to-end tests (playwright)"
npx --no-install playwright test || status=1
read -r ep ef < <(node -e '
  try { const s = require("./test-results/e2e-results.json").stats; console.log(s.expected + s.flaky, s.unexpected + ((s.expected + s.unexpected + s.flaky) === 0 ? 1 : 0)); }
  catch { console.log(0, 1); }')
passed=$((passed + ep)); failed=$((failed + ef))

[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed" | tee test-results/summary.txt
exit $status
