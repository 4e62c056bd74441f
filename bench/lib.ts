// Shared pieces of the benchmark: result records, medians, the table, the throw-away database,
// and load generation from a second process (autocannon's command line in a child process).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { createThrowawayDatabase, dropThrowawayDatabase, throwawayDatabaseName } from '../test/support/database.ts';
import { undoable } from './interrupt.ts';

/**
 * The V8 heap flags `npm start` gives the server (package.json's `start` script): the ceiling's
 * process runs with them too, so that both servers run on the same runtime settings.
 */
export function serverHeapFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  return scripts.start.split(/\s+/).filter((arg) => /^--max-(semi|old)-space-size=/.test(arg));
}

/** One line of bench/results.json: a budget when it has `limit` (and `met`), else a measurement. */
export interface BenchRecord {
  name: string;
  value: number;
  unit: string;
  limit?: number;
  met?: boolean;
  /** How the figure was obtained (runs, the individual values); not a budget field. */
  note?: string;
  /** Page loads: every request of the load (the median run's), in order, ms from the measure's start. */
  waterfall?: WaterfallEntry[];
}

export interface WaterfallEntry {
  /** Path (and query) of the request; the page's own origin left out. */
  url: string;
  /** What asked for it: `script`, `fetch`, `link`, `other` … (resource timing's initiatorType). */
  initiator: string;
  start: number;
  /** When its first byte came, and its last. */
  firstByte: number;
  end: number;
  /** Bytes over the wire (0: from cache) and the body as sent (compressed or not). */
  transferred: number;
  encodedBody: number;
}

export function measurement(name: string, value: number, unit: string, note?: string): BenchRecord {
  return note ? { name, value: round(value), unit, note } : { name, value: round(value), unit };
}

/** A budget: `atMost` (value ≤ limit) or `atLeast` (value ≥ limit). */
export function budget(name: string, value: number, unit: string, rule: 'atMost' | 'atLeast', limit: number, note?: string): BenchRecord {
  const met = rule === 'atMost' ? value <= limit : value >= limit;
  const record: BenchRecord = { name, value: round(value), unit, limit: round(limit), met };
  if (note) record.note = note;
  rules.set(record, rule);
  return record;
}

/** The comparison of each budget, for the table only (results.json holds limit and met). */
const rules = new WeakMap<BenchRecord, 'atMost' | 'atLeast'>();

export function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

export function median(values: number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function runsNote(values: number[], unit = ''): string {
  return `median of ${values.length} runs: ${values.map((v) => `${round(v)}${unit}`).join(', ')}`;
}

/** ≤ or ≥: known for budgets made here; for records from elsewhere, read off value, limit and met. */
function comparison(r: BenchRecord): string {
  const rule = rules.get(r);
  if (rule) return rule === 'atLeast' ? '≥' : '≤';
  if (r.limit === undefined || r.value === r.limit) return '=';
  return r.value >= r.limit === r.met ? '≥' : '≤';
}

export function table(records: BenchRecord[]): string {
  const rows = records.map((r) => [
    r.name,
    `${r.value} ${r.unit}`,
    r.limit === undefined ? '' : `${comparison(r)} ${r.limit} ${r.unit}`,
    r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
  ]);
  const header = ['figure', 'value', 'budget', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * A throw-away, migrated database on the PostgreSQL of DATABASE_URL, dropped by `drop()` or, if
 * the bench is interrupted first (even while it is being made), on the way out. Pool size: the
 * product's default unless given.
 */
export async function createBenchDatabase(baseUrl: string, options: { poolMax?: number } = {}): ReturnType<typeof createThrowawayDatabase> {
  const name = throwawayDatabaseName('gp_bench');
  let created: Awaited<ReturnType<typeof createThrowawayDatabase>> | undefined;
  const drop = undoable(async () => (created ? created.drop() : dropThrowawayDatabase(baseUrl, name)));
  try {
    created = await createThrowawayDatabase(baseUrl, { name, ...options });
  } catch (error) {
    await drop();
    throw error;
  }
  return { ...created, drop };
}

export interface LoadResult {
  /** Requests per second (autocannon's mean over the run). */
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx responses + socket errors + timeouts. */
  errors: number;
  requests: number;
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon');

/**
 * Loads `url` from a SECOND process: autocannon's command line as a child of this one, on
 * loopback, with the given headers; its JSON report is parsed.
 */
export async function loadFromChild(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const args = [autocannonBin, '--json', '-c', String(options.connections), '-d', String(options.seconds), '-t', '10'];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}=${value}`);
  args.push(url);
  const report = await runChildForJson<{
    requests: { mean: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  }>('autocannon', args);
  return {
    rps: report.requests.mean,
    p50: report.latency.p50,
    p99: report.latency.p99,
    errors: report.non2xx + report.errors + report.timeouts,
    requests: report.requests.total,
  };
}

/**
 * A bench part in a Node child process of its own (`args` after node): `input` on its stdin,
 * its stderr line by line to `onStderrLine`, and what it writes on stdout parsed as JSON once it
 * exits; an exit other than 0 is an error that quotes the end of its stderr.
 */
export async function runChildForJson<T>(
  label: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; onStderrLine?: (line: string) => void } = {},
): Promise<T> {
  const child = spawn(process.execPath, args, { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let errTail = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  createInterface({ input: child.stderr }).on('line', (line) => {
    errTail = `${errTail}${line}\n`.slice(-2000);
    options.onStderrLine?.(line);
  });
  child.stdin.end(options.input ?? '');
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  // A bench interrupted by SIGTERM to its own process only: the child, in its group, is not told.
  const end = undoable(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await closed;
  });
  const code = await closed;
  await end();
  if (code !== 0) throw new Error(`${label} exited with ${code}: ${errTail}`);
  return JSON.parse(out) as T;
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
