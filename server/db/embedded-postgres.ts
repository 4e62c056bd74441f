import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

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

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'pg.lock');
  await acquireLock(lockFile);

  let db: PGlite;
  let server: PGLiteSocketServer;
  // A short path: unix socket paths are limited to ~107 bytes.
  const socketDir = await mkdtemp(join(tmpdir(), 'gp-pg-'));
  try {
    db = await PGlite.create(join(dataDir, 'pg'));
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
