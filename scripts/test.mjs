// `npm test`: type-check, build the widgets, then every suite — vitest (server, idp, e2e) and
// web-test-runner (widgets in Chromium). Ends with one summary line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensureFirefox, ensurePdftotext, ensureWebKitDriver, ensureXvfb } from './system-tools.mjs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0 };
let ok = true;

function step(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`--- ${title}: ${run.status === 0 ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) ok = false;
  return run.status === 0;
}

function count(file, read) {
  try {
    const { passed, failed } = read(JSON.parse(readFileSync(file, 'utf8')));
    totals.passed += passed;
    totals.failed += failed;
  } catch {
    // A suite that wrote no report has failed already (its exit code says so).
  }
}

const chrome = ensureChromium();
ensurePdftotext();
// The browser matrix (test/e2e/browser-matrix.e2e.test.ts, part of the vitest run).
const firefox = ensureFirefox();
ensureWebKitDriver();
ensureXvfb();
step('type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('build widgets', 'npx', ['rollup', '-c', 'rollup.config.mjs', '--silent']);
step('widget types and manifest', 'node', ['scripts/build-types.mjs']);
step('API types match the API', 'npx', ['tsx', 'scripts/api-types.ts', '--check']);
step('server, idp and end-to-end tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/vitest.json`], { CHROME_PATH: chrome, FIREFOX_PATH: firefox });
count(`${results}/vitest.json`, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
step('widget tests (web-test-runner, Chromium)', 'npx', ['web-test-runner'], { CHROME_PATH: chrome, WTR_SUMMARY: `${results}/wtr.json` });
count(`${results}/wtr.json`, (r) => r);

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
