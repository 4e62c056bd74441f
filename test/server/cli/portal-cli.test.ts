import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../../bin/portal.js', import.meta.url));
const dataDir = await mkdtemp(join(tmpdir(), 'gp-cli-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

// The operator's command as installed (`npx portal …`), on a fresh embedded database.
async function portal(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the portal command line', () => {
  it('lists its commands, and refuses unknown ones and unknown options with usage', async () => {
    const help = await portal('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/migrate\s+apply pending database migrations/);
    expect(help.stdout).toMatch(/seed\s+fill an empty database/);

    const unknown = await portal('frobnicate');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');

    const badOption = await portal('migrate', '--nope');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('Usage: portal migrate');
  });

  it('migrates once, then reports the database up to date', async () => {
    const pending = await portal('migrate', '--status');
    expect(pending.stdout).toContain('0001-domain');
    const applied = await portal('migrate');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Applied:\s+0001-domain/);
    const again = await portal('migrate');
    expect(again.stdout).toContain('Up to date');
  }, 60_000);

  it('stops with a message naming a malformed setting', async () => {
    const { code, stderr } = await run(process.execPath, [bin, 'migrate'], { env: { ...process.env, DATABASE_URL: 'mysql://db/x' } }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(code).toBe(1);
    expect(stderr).toContain('DATABASE_URL must be a postgres:// URL');
  });
});
