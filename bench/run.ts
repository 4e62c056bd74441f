// `npm run bench`: the product's performance budgets, measured on a real PostgreSQL
// (DATABASE_URL), with load generated from a second process on loopback. Prints a table and
// writes bench/results.json. See bench/README.md for what each figure means.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openSession } from '../test/server/api/session/harness.ts';
import { benchApi } from './api.ts';
import { benchBulkDocumentsInChild } from './bulk-documents.ts';
import { benchIdp } from './idp.ts';
import { unlessInterrupted } from './interrupt.ts';
import { createBenchDatabase, log, table, type BenchRecord } from './lib.ts';
import { startBenchProduct, type BenchProduct } from './product-process.ts';
import { benchBundleSizes, benchFirstRows, buildSdk, sdkIsStale } from './widgets.ts';
import { benchStartup } from './startup.ts';

/** BENCH_QUICK=1: one short run of each, to try the script out (figures not comparable). */
const QUICK = process.env.BENCH_QUICK === '1';
/** BENCH_ONLY=startup,api,idp,widgets,bulk: only those parts (default: all), to iterate on one figure. */
const PARTS = ['startup', 'widgets', 'api', 'idp', 'bulk'] as const;
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? PARTS.join(','))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);
const unknownParts = [...ONLY].filter((part) => !(PARTS as readonly string[]).includes(part));
const runs = (part: (typeof PARTS)[number]): boolean => ONLY.has(part);
/**
 * Sized so that the whole bench, bulk documents included, stays within about 6 minutes on a
 * 2-core machine: 3 runs of 10 s per API target (6: two endpoints × API, ceiling, ceiling without
 * the session lookup), 3 runs of 4 s of refresh grants.
 */
const SETTINGS = {
  runs: QUICK ? 1 : 3,
  apiSeconds: QUICK ? 2 : 10,
  warmupSeconds: 1,
  productWarmupSeconds: QUICK ? 1 : 10,
  connections: 50,
  refreshChains: QUICK ? 2 : 6,
  refreshSeconds: QUICK ? 2 : 4,
  passwordChecks: QUICK ? 3 : 7,
  pageLoads: QUICK ? 2 : 5,
  bulkDocuments: QUICK ? 500 : 10_000,
  startupFresh: QUICK ? 1 : 3,
  startupRestarts: QUICK ? 1 : 3,
};
/** The partner whose widget the API load imitates: Biztos Pont's site (the broker demo), broker-scoped. */
const PARTNER_CLIENT_ID = 'biztos-pont';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  // Start-up is measured on the embedded default (a new user's `npm start`); every other part on PostgreSQL.
  if (!databaseUrl && [...ONLY].some((part) => part !== 'startup')) {
    console.error(
      'npm run bench needs a real PostgreSQL: set DATABASE_URL, e.g.\n' +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench\n' +
        'It creates a throw-away database next to the one named (and drops it afterwards); the embedded PGlite is not benchmarked.',
    );
    process.exitCode = 2;
    return;
  }
  if (unknownParts.length) {
    console.error(`BENCH_ONLY: unknown part(s) ${unknownParts.join(', ')}; the parts are ${PARTS.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  const records: BenchRecord[] = [];

  // First, on a quiet machine: `npm start` as a user runs it (bench/startup.ts).
  if (runs('startup')) {
    log(`start-up: ${SETTINGS.startupFresh} fresh starts and ${SETTINGS.startupRestarts} restarts of npm start on the embedded database …`);
    records.push(...(await benchStartup({ freshRuns: SETTINGS.startupFresh, restarts: SETTINGS.startupRestarts })));
  }

  if (runs('widgets')) {
    if (process.env.BENCH_BUILD === '1' || (await sdkIsStale())) {
      log('building the SDK (npm run build) …');
      await buildSdk();
    } else log('dist/sdk is newer than its sources: measuring it as built (BENCH_BUILD=1 rebuilds anyway)');
    records.push(...(await benchBundleSizes()));
  }
  if (runs('api') || runs('idp') || runs('widgets')) records.push(...(await benchRunningProduct(databaseUrl!)));

  // Bulk document issuing (bench/bulk-documents.ts): its own throw-away database, after the
  // product above has stopped.
  if (runs('bulk')) {
    log('bulk documents: issuing and delivering …');
    records.push(
      ...(await benchBulkDocumentsInChild({ databaseUrl: databaseUrl!, documents: SETTINGS.bulkDocuments, log: (line) => log(`bulk documents: ${line}`) })),
    );
  }

  records.push({ name: 'bench: total runtime', value: Math.round((Date.now() - started) / 1000), unit: 's' });
  const out = fileURLToPath(new URL('./results.json', import.meta.url));
  await writeFile(out, `${JSON.stringify(records, null, 2)}\n`);
  console.log(`\n${table(records)}\n`);
  const missed = records.filter((r) => r.met === false);
  console.log(
    `${records.filter((r) => r.met !== undefined).length - missed.length} budgets met, ${missed.length} missed; written to bench/results.json${QUICK ? ' (BENCH_QUICK: not comparable)' : ''}`,
  );
}

/**
 * The API, IdP and first-rows figures: `npm start` in a process of its own on a throw-away
 * database (bench/product-process.ts), customers logged in through the IdP's pages.
 */
async function benchRunningProduct(databaseUrl: string): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  log('creating a throw-away database and starting the product (npm start) on it …');
  const db = await createBenchDatabase(databaseUrl);
  let product: BenchProduct | undefined;
  try {
    product = await startBenchProduct({ url: db.url, sequelize: db.database.sequelize });
    const partner = { clientId: PARTNER_CLIENT_ID, origin: product.brokerOrigin };
    if (runs('api')) {
      const widgetSession = await openSession(product, partner);
      log(`API: ${SETTINGS.runs} × ${SETTINGS.apiSeconds} s per endpoint and ceiling, ${SETTINGS.connections} connections …`);
      records.push(
        ...(await benchApi({
          product,
          databaseUrl: db.url,
          ...partner,
          session: widgetSession.session,
          runs: SETTINGS.runs,
          seconds: SETTINGS.apiSeconds,
          warmupSeconds: SETTINGS.warmupSeconds,
          productWarmupSeconds: SETTINGS.productWarmupSeconds,
          connections: SETTINGS.connections,
        })),
      );
    }
    if (runs('idp')) {
      log('IdP: refresh-token grants and password checks …');
      records.push(
        ...(await benchIdp({
          product,
          ...partner,
          chains: SETTINGS.refreshChains,
          runs: SETTINGS.runs,
          seconds: SETTINGS.refreshSeconds,
          passwordChecks: SETTINGS.passwordChecks,
        })),
      );
    }
    if (runs('widgets')) {
      log('widgets: first rows in Chromium …');
      records.push(...(await benchFirstRows(product, SETTINGS.pageLoads)));
    }
  } finally {
    await product?.close();
    await db.drop();
  }
  return records;
}

await unlessInterrupted(main()).then(
  // The product's timers (sweepers, pools) would keep the process alive: end it once done.
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
