#!/usr/bin/env bash
# `npm test`: type check, Vitest (unit + integration on real PostgreSQL), Playwright e2e in Chromium.
# Every suite runs even when an earlier one fails; the last line is the total, "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json test-results/vitest-pgbouncer.json test-results/e2e-results.json
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

if [ -x /usr/sbin/pgbouncer ]; then
  echo "▶ integration tests through PgBouncer in transaction mode (test/README.md)"
  # The CLI tests (a tsx process each) are left to the direct run: they add minutes and test the same SQL.
  TEST_PGBOUNCER=1 TEST_PG15=0 DB_PGBOUNCER=1 npx --no-install vitest run test/ --exclude "test/*cli.test.ts" \
    --reporter=dot --reporter=json --outputFile.json=test-results/vitest-pgbouncer.json || status=1
  read -r bp bf < <(node -e '
    try { const r = require("./test-results/vitest-pgbouncer.json"); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0)); }
    catch { console.log(0, 1); }')
  passed=$((passed + bp)); failed=$((failed + bf))
else
  echo "▶ (pgbouncer not installed: the PgBouncer run is skipped; .ci/run installs it)"
fi

echo "▶ end-to-end tests (playwright)"
npx --no-install playwright test || status=1
read -r ep ef < <(node -e '
  try { const s = require("./test-results/e2e-results.json").stats; console.log(s.expected + s.flaky, s.unexpected + ((s.expected + s.unexpected + s.flaky) === 0 ? 1 : 0)); }
  catch { console.log(0, 1); }')
passed=$((passed + ep)); failed=$((failed + ef))

[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed" | tee test-results/summary.txt
exit $status
