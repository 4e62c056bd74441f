// Start-up as a user meets it: `npm start` (prestart included) on the embedded default, from the
// spawn to the first 200 of /readyz.
//   fresh:   an empty DATA_DIR and its own TMPDIR (so no tsx cache of earlier runs), with only
//            what `npm ci` leaves: its `prepare` (scripts/prepare.mjs) is run first, untimed, as
//            npm ci runs it: SDK and database template when missing, the tsx cache of the server
//   restart: the same data folder again (migrated and seeded), as after a config change
// Budgets (issue 18): fresh ≤ 8 s, restart ≤ 3 s, on an idle 2-core machine.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmStart } from './npm-start.ts';
import { budget, log, measurement, median, runsNote, type BenchRecord } from './lib.ts';

const FRESH_BUDGET_S = 8;
const RESTART_BUDGET_S = 3;

interface StartRun {
  seconds: number;
  /** The product's own step times ("started" log line), when it printed them. */
  phases: string;
}

export async function benchStartup(options: { freshRuns: number; restarts: number }): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;

  // What `npm ci` runs as `prepare`: builds what is missing. Usually nothing is (then ~0.3 s).
  const prepared = Date.now();
  const prepare = spawnSync('node', ['scripts/prepare.mjs'], { env, encoding: 'utf8' });
  if (prepare.status !== 0) throw new Error(`scripts/prepare.mjs failed:\n${prepare.stdout}\n${prepare.stderr}`);
  records.push(
    measurement(
      "start-up: npm ci's prepare, as run before the figures below (builds only what is missing)",
      (Date.now() - prepared) / 1000,
      's',
      prepare.stdout.trim() || 'nothing to build',
    ),
  );

  const folders: string[] = [];
  const fresh: StartRun[] = [];
  const restart: StartRun[] = [];
  try {
    let last: { dataDir: string; tmp: string } | null = null;
    for (let i = 0; i < options.freshRuns; i++) {
      const dataDir = await mkdtemp(join(tmpdir(), 'gp-bench-data-'));
      const tmp = await mkdtemp(join(tmpdir(), 'gp-bench-tmp-'));
      folders.push(dataDir, tmp);
      // What npm ci does before a user's first start (timed apart: it is install time).
      const install = spawnSync('node', ['scripts/prepare.mjs'], { env: { ...env, TMPDIR: tmp, npm_lifecycle_event: 'prepare' }, encoding: 'utf8' });
      if (install.status !== 0) throw new Error(`npm ci's prepare failed:\n${install.stdout}\n${install.stderr}`);
      fresh.push(await timeStart({ ...env, DATA_DIR: dataDir, TMPDIR: tmp }));
      log(`start-up fresh ${i + 1}: ${fresh.at(-1)!.seconds.toFixed(2)} s ${fresh.at(-1)!.phases}`);
      last = { dataDir, tmp };
    }
    for (let i = 0; i < options.restarts && last; i++) {
      restart.push(await timeStart({ ...env, DATA_DIR: last.dataDir, TMPDIR: last.tmp }));
      log(`start-up restart ${i + 1}: ${restart.at(-1)!.seconds.toFixed(2)} s ${restart.at(-1)!.phases}`);
    }
  } finally {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  }
  const note = (runs: StartRun[]) =>
    `${runsNote(
      runs.map((r) => r.seconds),
      ' s',
    )}; the product's steps (ms) per run: ${runs.map((r) => r.phases).join(' | ')}`;
  records.push(
    budget(
      'start-up: fresh (after npm ci, empty data, cold tsx cache): npm start → /readyz',
      median(fresh.map((r) => r.seconds)),
      's',
      'atMost',
      FRESH_BUDGET_S,
      note(fresh),
    ),
  );
  records.push(
    budget('start-up: restart on existing data: npm start → /readyz', median(restart.map((r) => r.seconds)), 's', 'atMost', RESTART_BUDGET_S, note(restart)),
  );
  return records;
}

/** `npm start` (bench/npm-start.ts): the time to the first 200 of /readyz and the product's own step times; then SIGTERM. */
async function timeStart(env: NodeJS.ProcessEnv): Promise<StartRun> {
  const product = await npmStart(env);
  try {
    const line = product
      .output()
      .split('\n')
      .find((l) => l.includes('"event":"started"'));
    const parsed = line ? (JSON.parse(line) as { phasesMs: Record<string, number>; sinceProcessStartMs: number }) : null;
    const phases = parsed
      ? `${Object.entries(parsed.phasesMs)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}, node process ${parsed.sinceProcessStartMs}`
      : '(no "started" line)';
    return { seconds: product.readyMs / 1000, phases };
  } finally {
    await product.stop();
  }
}
