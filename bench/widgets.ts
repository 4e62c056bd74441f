// The widgets: what the SDK's entries weigh (min+gzip, from a fresh `npm run build`, measured
// with scripts/bundle-size.mjs's measure()), and the time from the script's load to the first
// rendered <gp-policy-list> rows on the standalone page, in Debian's Chromium.
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, posix, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs } from '../scripts/system-tools.mjs';
import { generateKeyPair } from 'dpop';
import { loginToCallback, redeem, sessionHeaders, ticketFrom, type PortalEndpoints } from '../test/server/api/session/harness.ts';
import { FLOOR_SCRIPT, startFloorServer } from './first-rows-floor.ts';
import { budget, log, measurement, median, runsNote, type BenchRecord, type WaterfallEntry } from './lib.ts';

const SDK_DIR = 'dist/sdk';
const BUDGET_ENTRY = 'gp-widgets.js';
const BUDGET_BYTES = 40 * 1024;
/** Issue 18: script load to first rows, median of the cold loads. */
const FIRST_ROWS_BUDGET_MS = 100;
/** How long a new browser context is left to finish its own start-up before the measured load. */
const BROWSER_SETTLE_MS = 1000;

interface ChunkInfo {
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
}
type Measure = (chunks: ChunkInfo[]) => { rows: string[][]; loads: Map<string, number> };

/**
 * Whether dist/sdk is older than what it is built from (widgets/, the rollup config, the size
 * script, package-lock.json), or missing: then the bench builds it first.
 */
export async function sdkIsStale(): Promise<boolean> {
  const built = await stat(join(SDK_DIR, BUDGET_ENTRY)).catch(() => null);
  if (!built) return true;
  const sources = ['rollup.config.mjs', 'scripts/bundle-size.mjs', 'package-lock.json', 'tsconfig.widgets.json'];
  for (const entry of await readdir('widgets', { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) sources.push(join(entry.parentPath, entry.name));
  }
  for (const source of sources) {
    const info = await stat(source).catch(() => null);
    if (info && info.mtimeMs > built.mtimeMs) return true;
  }
  return false;
}

/** `npm run build` in a child process (its size tables go to the log only when it fails). */
export async function buildSdk(): Promise<void> {
  const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`npm run build failed (${code}):\n${out.slice(-3000)}`);
}

/**
 * The built files as rollup's chunks: the entries at the top of dist/sdk, their static imports
 * (`import … from"./x.js"`, `import"./x.js"`) and dynamic ones (`import("./x.js")`, the language
 * packs), resolved relative to the importing file.
 */
async function builtChunks(): Promise<ChunkInfo[]> {
  const files: string[] = [];
  for (const entry of await readdir(SDK_DIR, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.js')) files.push(relative(SDK_DIR, join(entry.parentPath, entry.name)).split('\\').join('/'));
  }
  const chunks: ChunkInfo[] = [];
  for (const fileName of files) {
    const code = await readFile(join(SDK_DIR, fileName), 'utf8');
    const resolve = (spec: string) => posix.normalize(posix.join(posix.dirname(fileName), spec));
    const statics = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)"(\.{1,2}\/[^"]+\.js)"/g)].map((m) => resolve(m[1]!));
    const dynamics = [...code.matchAll(/\bimport\s*\(\s*"(\.{1,2}\/[^"]+\.js)"\s*\)/g)].map((m) => resolve(m[1]!));
    chunks.push({ fileName, code, isEntry: dirname(fileName) === '.', imports: [...new Set(statics)], dynamicImports: [...new Set(dynamics)] });
  }
  const known = new Set(files);
  for (const chunk of chunks) {
    for (const name of [...chunk.imports, ...chunk.dynamicImports])
      if (!known.has(name)) throw new Error(`${chunk.fileName} imports ${name}, which is not in ${SDK_DIR}`);
  }
  return chunks;
}

export async function benchBundleSizes(): Promise<BenchRecord[]> {
  const { measure } = (await import('../scripts/bundle-size.mjs' as string)) as { measure: Measure };
  const chunks = await builtChunks();
  const { loads } = measure(chunks);
  const kb = (bytes: number) => bytes / 1024;
  const records: BenchRecord[] = [];
  const entries = [...loads.keys()].sort((a, b) => (a === BUDGET_ENTRY ? -1 : b === BUDGET_ENTRY ? 1 : a.localeCompare(b)));
  for (const entry of entries) {
    const bytes = loads.get(entry)!;
    const name = `widgets: a page loading /sdk/${entry} downloads (min+gzip, one language)`;
    records.push(entry === BUDGET_ENTRY ? budget(name, kb(bytes), 'KB', 'atMost', kb(BUDGET_BYTES)) : measurement(name, kb(bytes), 'KB'));
  }
  const { gzipSync } = await import('node:zlib');
  const total = chunks.reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0);
  records.push(measurement(`widgets: all ${chunks.length} SDK files together (min+gzip)`, kb(total), 'KB'));
  return records;
}

/**
 * In the page from its first script on: the first animation frame with a policy row. It says so
 * on the console, which the bench listens to: waiting with Playwright's waitForFunction would
 * put Playwright's own injected script (some 50 ms of the page's main thread) into the very
 * load it measures.
 */
const FIRST_ROWS_SIGNAL = 'gp-bench: first rows';
const FIRST_ROWS_PROBE = `(() => {
  const look = () => {
    const found = document.querySelector('gp-policy-list')?.shadowRoot?.querySelectorAll('[part~="policy"]');
    if (found && found.length) {
      window.__gpFirstRows = { at: performance.now(), rows: found.length };
      console.debug(${JSON.stringify(FIRST_ROWS_SIGNAL)});
    } else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

/** Puts a session (the handle and its key, the private key non-extractable) in the page origin's key store, as the widgets keep it. */
const SEED_KEY_STORE = `async ({ base, handle, privateJwk, publicJwk }) => {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  const keys = {
    privateKey: await crypto.subtle.importKey('jwk', privateJwk, algorithm, false, ['sign']),
    publicKey: await crypto.subtle.importKey('jwk', publicJwk, algorithm, true, ['verify']),
  };
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('gp-portal', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('sessions');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  await new Promise((resolve, reject) => {
    const put = db.transaction('sessions', 'readwrite').objectStore('sessions').put({ keys, handle }, base);
    put.onsuccess = resolve;
    put.onerror = () => reject(put.error);
  });
  db.close();
}`;

/**
 * Read in the page once the rows show: the start of the script's fetch, the rows' frame, and
 * the load's requests up to then as a waterfall (ms from the script's fetch). A string: tsx
 * would wrap named inner functions in a helper the page lacks.
 */
const firstRowsResult = (scriptPath: string) => `(() => {
  const entries = performance.getEntriesByType('resource');
  const script = entries.find((e) => new URL(e.name).pathname === ${JSON.stringify(scriptPath)});
  const first = window.__gpFirstRows;
  const t0 = script ? script.startTime : 0;
  const ms = (t) => Math.round((t - t0) * 10) / 10;
  const waterfall = entries.filter((e) => e.startTime <= first.at).map((e) => {
    const url = new URL(e.name);
    return {
      url: url.origin === location.origin ? url.pathname + url.search : url.href,
      initiator: e.initiatorType,
      start: ms(e.startTime),
      firstByte: ms(e.responseStart),
      end: ms(e.responseEnd),
      transferred: e.transferSize,
      encodedBody: e.encodedBodySize,
    };
  });
  waterfall.push({ url: '(first <gp-policy-list> rows painted)', initiator: 'render', start: ms(first.at), firstByte: ms(first.at), end: ms(first.at), transferred: 0, encodedBody: 0 });
  return { start: script ? script.startTime : null, at: first.at, rows: first.rows, waterfall };
})()`;

interface ColdLoads {
  times: number[];
  /** The waterfall of the load whose time is the median (the middle one of the sorted runs). */
  waterfall: WaterfallEntry[];
  rows: number;
}

/**
 * `loads` page loads, each in a cold browser context: `prepare` runs on a page of the origin
 * first (to seed its storage), then the new context's own start-up gets BROWSER_SETTLE_MS, then
 * `pageUrl` loads; each time is from the start of `scriptPath`'s fetch to the rows' frame.
 */
async function coldLoads(
  browser: Browser,
  loads: number,
  options: { origin: string; pageUrl: string; scriptPath: string; prepare?: (page: Page) => Promise<void> },
): Promise<ColdLoads> {
  const times: number[] = [];
  const waterfalls: WaterfallEntry[][] = [];
  let rows = 0;
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ locale: 'hu-HU', timezoneId: 'Europe/Budapest' });
    try {
      const page = await context.newPage();
      await page.goto(`${options.origin}/static/standalone.css`);
      await options.prepare?.(page);
      // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
      await context.addInitScript(FIRST_ROWS_PROBE);
      // A new context's first page makes Chromium build its own browser UI (omnibox WebUI pages,
      // ~100 module requests, in this build) on the same two cores for about a second: let it
      // finish, so that the load measures the page in a running browser, not the browser's start.
      await page.waitForTimeout(BROWSER_SETTLE_MS);
      const consoleLines: string[] = [];
      page.on('console', (message) => consoleLines.push(message.text()));
      const shown = page.waitForEvent('console', { predicate: (message) => message.text() === FIRST_ROWS_SIGNAL, timeout: 30_000 });
      await page.goto(options.pageUrl);
      await shown.catch(async (error: unknown) => {
        const content = await page.evaluate(
          () => document.querySelector('gp-policy-list')?.shadowRoot?.textContent?.slice(0, 500) ?? '(no gp-policy-list content)',
        );
        throw new Error(`no policy rows on ${options.pageUrl}: it shows "${content.trim()}"; console: ${consoleLines.join(' | ')}`, { cause: error });
      });
      const result = (await page.evaluate(firstRowsResult(options.scriptPath))) as {
        start: number | null;
        at: number;
        rows: number;
        waterfall: WaterfallEntry[];
      };
      if (result.start === null) throw new Error(`no resource timing for ${options.scriptPath}`);
      times.push(result.at - result.start);
      waterfalls.push(result.waterfall);
      rows = result.rows;
    } finally {
      await context.close();
    }
  }
  const middle = times.indexOf([...times].sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)]!);
  return { times, waterfall: waterfalls[middle] ?? [], rows };
}

/**
 * Script load to first rows: a cold browser context per load, holding (in the standalone page's
 * IndexedDB, as the widgets keep it) the session of a customer logged in there (client `portal`),
 * `/?view=szerzodesek`. t0 is when Chromium started fetching /sdk/gp-widgets.js (its resource
 * timing); t1 the first animation frame in which <gp-policy-list> shows a `[part~="policy"]` row
 * (so ±1 frame): the session check and the list's request each carry a DPoP proof. Each load
 * starts once the new context's own start-up has settled (BROWSER_SETTLE_MS). Then the floor
 * (first-rows-floor.ts): the same page, rows and measure without the SDK, loaded the same way.
 */
export async function benchFirstRows(portal: PortalEndpoints, loads: number): Promise<BenchRecord[]> {
  // The session's key is made here, extractable, only so that each cold context can get a
  // (non-extractable) copy: a real page makes its own in the browser.
  const keys = await generateKeyPair('ES256', { extractable: true });
  const login = await loginToCallback(portal, { origin: portal.origin, clientId: 'portal' });
  const redeemed = await redeem(portal, portal.origin, ticketFrom(login.html), login.loginSecret, keys);
  if (redeemed.response.status !== 200) throw new Error(`redeem failed: ${redeemed.text}`);
  const handle = redeemed.json.handle as string;
  const seed = {
    base: `${portal.origin}/api`,
    handle,
    privateJwk: await crypto.subtle.exportKey('jwk', keys.privateKey),
    publicJwk: await crypto.subtle.exportKey('jwk', keys.publicKey),
  };
  // What the list asks for first, as the API answers it: the floor serves the same JSON.
  const listUrl = `${portal.origin}/api/policies?status=all&page=1&pageSize=10`;
  const list = await fetch(listUrl, { headers: { Origin: portal.origin, 'X-GP-Request': '1', ...(await sessionHeaders({ handle, keys }, 'GET', listUrl)) } });
  if (list.status !== 200) throw new Error(`GET ${listUrl} answered ${list.status}`);
  const floorServer = await startFloorServer(await list.text());
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: chromiumArgs });
  let sdk: ColdLoads;
  let floor: ColdLoads;
  try {
    sdk = await coldLoads(browser, loads, {
      origin: portal.origin,
      pageUrl: `${portal.origin}/?view=szerzodesek`,
      scriptPath: `/sdk/${BUDGET_ENTRY}`,
      // The key store is the page origin's: seed it from a page of that origin.
      prepare: (page) => page.evaluate(`(${SEED_KEY_STORE})(${JSON.stringify(seed)})`),
    });
    floor = await coldLoads(browser, loads, { origin: floorServer.origin, pageUrl: `${floorServer.origin}/?view=szerzodesek`, scriptPath: FLOOR_SCRIPT });
  } finally {
    await browser.close();
    await floorServer.close();
  }
  log(`first rows: ${sdk.times.map((t) => t.toFixed(0)).join(', ')} ms (${sdk.rows} rows)`);
  for (const entry of sdk.waterfall)
    log(`  ${String(entry.start).padStart(7)} → ${String(entry.end).padStart(7)} ms  ${entry.initiator.padEnd(6)} ${entry.url}`);
  log(`first rows, floor (no SDK): ${floor.times.map((t) => t.toFixed(0)).join(', ')} ms (${floor.rows} rows)`);
  const record = budget(
    'widgets: script load → first <gp-policy-list> rows (Chromium, cold)',
    median(sdk.times),
    'ms',
    'atMost',
    FIRST_ROWS_BUDGET_MS,
    `${runsNote(sdk.times, ' ms')}; ${sdk.rows} rows shown; waterfall: the median load's requests, ms from the script's fetch`,
  );
  record.waterfall = sdk.waterfall;
  return [
    record,
    measurement(
      'widgets: first rows floor: the same page, a few-line script fetching the same JSON, no SDK (Chromium, cold)',
      median(floor.times),
      'ms',
      `${runsNote(floor.times, ' ms')}; bench/first-rows-floor.ts: no session, proof, Lit or language pack; what this machine takes for any script`,
    ),
  ];
}
