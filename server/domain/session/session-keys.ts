import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * The keys that encrypt the tokens of the API's sessions at rest (see `TokenVault`), like the
 * IdP's keys (idp/keys.ts): `SESSION_KEYS` (comma-separated random strings of at least 32
 * characters, the first one encrypts) in production, where every process must share them; in
 * development generated once into `<dataDir>/keys/session-keys.json`; without a data directory
 * (tests) a random key for this process only.
 */
export interface SessionKeyOptions {
  /** `SESSION_KEYS` as configured (server/config), or null. */
  configured?: string | null | undefined;
  dataDir?: string | undefined;
  production: boolean;
}

export function parseSessionKeys(configured: string | null | undefined): string[] | null {
  const keys = (configured ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (!keys.length) return null;
  if (keys.some((k) => k.length < 32))
    throw new Error('SESSION_KEYS: every key must be at least 32 characters of random data (e.g. `openssl rand -base64 32`)');
  return keys;
}

/** Checked when the API is created, so a production process without keys fails at boot, not at the first login. */
export function assertSessionKeysAvailable(options: SessionKeyOptions): void {
  if (options.production && !parseSessionKeys(options.configured)) {
    throw new Error('SESSION_KEYS is required in production: comma-separated random keys (at least 32 characters each) shared by every process');
  }
}

export async function loadSessionKeys(options: SessionKeyOptions): Promise<string[]> {
  const configured = parseSessionKeys(options.configured);
  if (configured) return configured;
  assertSessionKeysAvailable(options);
  if (!options.dataDir) return [randomBytes(32).toString('base64url')];

  const dir = join(options.dataDir, 'keys');
  const file = join(dir, 'session-keys.json');
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { keys?: unknown };
    if (Array.isArray(stored.keys) && stored.keys.length && stored.keys.every((k) => typeof k === 'string' && k.length >= 32)) return stored.keys as string[];
    throw new Error(`${file} does not hold session keys ({"keys": ["…"]}); delete it to generate new ones`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = [randomBytes(32).toString('base64url')];
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify({ keys }, null, 2), { mode: 0o600 });
  return keys;
}
