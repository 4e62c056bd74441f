import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port.ts';
import { readmeCommands, shellWords, type ReadmeCommand } from '../../support/readme-commands.ts';

/**
 * Every command README.md shows, run as written, on the database `npm test` runs on: a fresh
 * PostgreSQL database when DATABASE_URL is set, else the embedded PGlite in a fresh DATA_DIR
 * (the README's own default). A new example in the README is a new command here.
 */
const ROOT = new URL('../../../', import.meta.url).pathname;
const README = await readFile(new URL('README.md', `file://${ROOT}`), 'utf8');

/** Commands another check runs as written, and which. */
const RUN_ELSEWHERE: Record<string, string> = {
  'npm ci': '.ci/run installs with it, as its first step',
  'npm test': '.ci/run runs it as written on PostgreSQL, and the suites the embedded database changes on PGlite (.ci/run "npm test on PGlite")',
};

const commands = readmeCommands(README);
const portalCommands = commands.filter((c) => c.text.startsWith('npx portal '));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 60_000);

/** The environment of a user with an empty database: DATABASE_URL's server, or a new DATA_DIR. */
async function freshDatabase(): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, PUBLIC_URL: undefined, PORT: undefined, BROKER_DEMO_PORT: undefined, NODE_ENV: undefined };
  delete env.PUBLIC_URL;
  delete env.PORT;
  delete env.BROKER_DEMO_PORT;
  delete env.NODE_ENV;
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `gp_readme_${randomBytes(5).toString('hex')}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`create database ${name}`);
    cleanups.push(() => admin(`drop database if exists ${name} with (force)`));
    const url = new URL(base);
    url.pathname = `/${name}`;
    return { ...env, DATABASE_URL: url.href, DATA_DIR: await tempDir() };
  }
  delete env.DATABASE_URL;
  return { ...env, DATA_DIR: await tempDir() };
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gp-readme-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function run(command: ReadmeCommand | string, env: NodeJS.ProcessEnv) {
  const text = typeof command === 'string' ? command : command.text;
  const [program, ...args] = shellWords(text);
  const result = spawnSync(program!, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 180_000 });
  const where = typeof command === 'string' ? text : `README.md:${command.line}: ${text}`;
  return { ...result, where, output: `${result.stdout}\n${result.stderr}` };
}

describe('README commands', () => {
  it('are all run by this test or named with the check that runs them', () => {
    expect(commands.length).toBeGreaterThan(10);
    const unknown = commands.filter((c) => c.text !== 'npm start' && !c.text.startsWith('npx portal ') && !(c.text in RUN_ELSEWHERE));
    expect(unknown.map((c) => `README.md:${c.line}: ${c.text}`)).toEqual([]);
    // The runners named above really run them.
    return readFile(new URL('.ci/run', `file://${ROOT}`), 'utf8').then((ci) => {
      expect(ci).toMatch(/^npm ci\b/m);
      expect(ci.match(/^\S*\s*npm test$/gm)?.length ?? 0).toBeGreaterThanOrEqual(1);
    });
  });

  it('every `npx portal` line runs as written, in order, on a fresh database; the seed makes the counts the README states', async () => {
    const env = await freshDatabase();
    // Before anything is migrated, a command says what to do instead of a stack trace.
    const early = run('npx portal partner list', env);
    expect(early.status, early.output).toBe(1);
    expect(early.stderr).toContain('npx portal migrate');
    expect(early.stderr).not.toMatch(/\n\s+at /);

    for (const command of portalCommands) {
      const result = run(command, env);
      expect(result.status, `${result.where}\n${result.output}`).toBe(0);
      if (command.text === 'npx portal seed') expectReadmeCounts(result.stdout);
    }
    expect(portalCommands.map((c) => c.text)).toContain('npx portal seed');

    // partner add warns when it runs without the PUBLIC_URL the registered partners were given.
    const elsewhere = run(
      'npx portal partner add --client-id https-check --name "HTTPS próba" --origin https://www.https-check.example --broker-code BIZTOSPONT',
      { ...env, PUBLIC_URL: 'https://portal.insurer.example' },
    );
    expect(elsewhere.status, elsewhere.output).toBe(0);
    const defaulted = run(
      'npx portal partner add --client-id default-check --name "Alapértelmezett próba" --origin https://www.default-check.example --broker-code BIZTOSPONT',
      env,
    );
    expect(defaulted.status, defaulted.output).toBe(0);
    expect(defaulted.stderr).toContain('PUBLIC_URL is not set');
    expect(defaulted.stderr).toContain('https://portal.insurer.example');
  }, 900_000);

  it('`npm start` (after `npm ci`) answers /readyz on a fresh database, prints the URLs and the development mailbox, and stops on SIGTERM', async () => {
    const env = await freshDatabase();
    const port = await freePort();
    const brokerPort = await freePort();
    // Its own process group, so the stop reaches npm, the shell and node, as Ctrl+C in a terminal does.
    const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...env, PORT: String(port), BROKER_DEMO_PORT: String(brokerPort) }, detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // 'close', not 'exit': npm exits at the signal within milliseconds, while node (writing to the
    // same pipes) logs its shutdown a moment later; under load that came after npm's exit. The
    // pipes close only when every process of the group holding them has ended.
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 240_000;
      let ready = false;
      while (!ready && Date.now() < deadline && child.exitCode === null) {
        ready = await fetch(`http://localhost:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!ready) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(ready, output).toBe(true);
      await expect.poll(() => output, { timeout: 10_000 }).toContain('Press Ctrl+C to stop.');
      expect(output).toContain(`Standalone portal:   http://localhost:${port}/`);
      expect(output).toContain(`Development mail:    http://localhost:${port}/dev/mail`);
      const mail = await fetch(`http://localhost:${port}/dev/mail`);
      expect(mail.status).toBe(200);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    }
    await exited;
    expect(output).toContain('"event":"shutting_down"');
  }, 300_000);
});

/** What `portal seed` printed against what the README says the seed holds. */
function expectReadmeCounts(stdout: string): void {
  const count = (table: string) => Number(new RegExp(`^\\s+${table}\\s+(\\d+)$`, 'm').exec(stdout)?.[1] ?? NaN);
  const said = (phrase: string) => expect(README.replace(/\s+/g, ' ')).toContain(phrase);
  said(`${count('customers')} customers`);
  said(`${count('brokers')} brokers`);
  said(`${count('policies')} policies`);
  said(`${count('claims')} claims`);
  said('about 3,500 invoices');
  expect(Math.abs(count('invoices') - 3500)).toBeLessThan(3500 * 0.03);
  said('about 140 PDF documents in the mailboxes (138 to 143');
  expect(count('documents')).toBeGreaterThanOrEqual(138);
  expect(count('documents')).toBeLessThanOrEqual(143);
}
