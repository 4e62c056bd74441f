// `npm test`: type-check, build the widgets, then every suite — vitest (server, idp, e2e) and
// web-test-runner (widgets in Chromium). Ends with one summary line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensureFirefox, ensurePdftotext, ensureWebKitDriver, ensureXvfb } from './system-tools.mjs';

const results = 'test-results';
// The embedded-database pass (below) runs after a full one in CI: it keeps that run's results.
if (!process.argv.includes('--embedded-database')) rmSync(results, { recursive: true, force: true });
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

/**
 * `npm test -- --embedded-database` (CI's second pass, see .ci/run): `npm test` as the README's
 * reader runs it, without DATABASE_URL, for the suites whose behaviour depends on which database
 * runs under them. The embedded PGlite differs from PostgreSQL in exactly these ways: ONE Postgres
 * session shared by every connection (prepared statements and transactions outlive a connection),
 * a pool of one connection (concurrency turns into waiting), and its own start path (template,
 * lock file, socket). Type-checking, the build and the widget suites do not touch a database, and
 * the other server suites run the same SQL through the same code on both, so CI runs those once,
 * on PostgreSQL.
 */
const EMBEDDED_DATABASE_SUITES = [
  'test/server/db/',
  'test/server/resilience/database-outage.test.ts',
  'test/server/resilience/database-errors.test.ts',
  'test/server/app/start.test.ts',
  'test/server/app/readme-commands.test.ts',
  'test/server/seed/seed.test.ts',
  'test/server/notifications/outbox.test.ts',
];
// Not repeated here: the portal CLI on PGlite (readme-commands runs every README command on it)
// and the session lookup's prepared statements (prepared-statement and database-outage cover
// their PGlite-only failure, a reconnect), to keep CI's second pass to a few minutes.
if (process.argv.includes('--embedded-database')) {
  if (process.env.DATABASE_URL) {
    console.error('npm test -- --embedded-database runs on the embedded PGlite: unset DATABASE_URL.');
    process.exit(2);
  }
  const chrome = ensureChromium();
  ensurePdftotext();
  step(
    'suites that depend on the database, on the embedded PGlite (vitest)',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/vitest-embedded.json`, ...EMBEDDED_DATABASE_SUITES],
    { CHROME_PATH: chrome },
  );
  count(`${results}/vitest-embedded.json`, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  process.exit(ok && totals.failed === 0 ? 0 : 1);
}

const chrome = ensureChromium();
ensurePdftotext();
// The browser matrix (test/e2e/browser-matrix.e2e.test.ts, part of the vitest run).
const firefox = ensureFirefox();
ensureWebKitDriver();
ensureXvfb();
step('type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('lint: ESLint, Prettier, import rules (npm run lint)', 'npm', ['run', '--silent', 'lint']);
step('build widgets', 'npx', ['rollup', '-c', 'rollup.config.mjs', '--silent']);
step('widget types and manifest', 'node', ['scripts/build-types.mjs']);
step('API types match the API', 'npx', ['tsx', 'scripts/api-types.ts', '--check']);
step(
  'server, idp and end-to-end tests (vitest)',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/vitest.json`],
  { CHROME_PATH: chrome, FIREFOX_PATH: firefox },
);
count(`${results}/vitest.json`, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
step('widget tests (web-test-runner, Chromium)', 'npx', ['web-test-runner'], { CHROME_PATH: chrome, WTR_SUMMARY: `${results}/wtr.json` });
count(`${results}/wtr.json`, (r) => r);

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
