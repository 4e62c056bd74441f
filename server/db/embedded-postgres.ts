import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { readTemplate } from './pglite-template.ts';

/**
 * PGlite (Postgres in WASM) persisted under `<dataDir>/pg`, served on a private unix socket so
 * `pg` connects to it unchanged. A lock file keeps a second process off the same data directory,
 * which PGlite cannot share.
 */
export interface EmbeddedPostgres {
  socketDir: string;
  port: number;
  stop(): Promise<void>;
}

const PORT = 5432;
/** Data folders this process has open (a pid lock alone cannot tell two opens in one process apart). */
const openHere = new Set<string>();

export async function startEmbeddedPostgres(dataDir: string, options: { fromTemplate?: boolean } = {}): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'pg.lock');
  await acquireLock(lockFile);

  // PGlite is 8.7 MB of WebAssembly. By default V8 compiles it twice: quickly (Liftoff), then all
  // of it again optimised (TurboFan) in the background, which on a 2-core machine competed with
  // start-up and the first queries. Measured here under load: PGlite.create 3.0–3.5 s instead
  // of 3.5–7.8 s, the first 30 list queries 0.4–1.2 s instead of 3–4 s, steady state within the
  // noise. Only WebAssembly compiled from now on is affected (in this product: PGlite alone).
  setFlagsFromString('--liftoff-only');
  let db: PGlite;
  let server: PGLiteSocketServer;
  // A short path: unix socket paths are limited to ~107 bytes.
  const socketDir = await mkdtemp(join(tmpdir(), 'gp-pg-'));
  try {
    const pgDir = join(dataDir, 'pg');
    // A new folder starts from the migrated template when asked and there is one (see pglite-template.ts).
    const fresh =
      options.fromTemplate === true &&
      (await access(join(pgDir, 'PG_VERSION')).then(
        () => false,
        () => true,
      ));
    const template = fresh ? await readTemplate() : null;
    db = await PGlite.create(pgDir, template ? { loadDataDir: template } : {});
    server = new PGLiteSocketServer({ db, path: join(socketDir, `.s.PGSQL.${PORT}`), maxConnections: 4 });
    await server.start();
  } catch (error) {
    await rm(socketDir, { recursive: true, force: true });
    await rm(lockFile, { force: true });
    openHere.delete(lockFile);
    throw error;
  }

  let stopped = false;
  return {
    socketDir,
    port: PORT,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      await rm(socketDir, { recursive: true, force: true });
      await rm(lockFile, { force: true });
      openHere.delete(lockFile);
    },
  };
}

async function acquireLock(lockFile: string): Promise<void> {
  if (openHere.has(lockFile)) {
    throw new Error(
      `The embedded database in ${lockFile.replace(/pg\.lock$/, '')} is in use by process ${process.pid} (this one). ` +
        'Close it first, or set DATA_DIR to another folder.',
    );
  }
  try {
    await writeFile(lockFile, String(process.pid), { flag: 'wx' });
    openHere.add(lockFile);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number((await readFile(lockFile, 'utf8')).trim());
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${lockFile.replace(/pg\.lock$/, '')} is in use by process ${holder}. ` +
        'Stop that process, or set DATA_DIR to another folder, or DATABASE_URL to a PostgreSQL server.',
    );
  }
  // A stale lock from a process that died: take it over.
  await writeFile(lockFile, String(process.pid));
  openHere.add(lockFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
