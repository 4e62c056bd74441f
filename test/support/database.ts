import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { Sequelize } from 'sequelize';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { migrate } from '../../server/db/migrator.ts';

/**
 * A fresh, migrated database for one test file: a throw-away database on the real PostgreSQL
 * when DATABASE_URL is set (CI), else an embedded PGlite in a temporary folder.
 */
export interface TestDatabase {
  readonly database: Database;
  readonly sequelize: Sequelize;
  /** The connection URL of the throw-away database (real PostgreSQL only). */
  readonly url: string | null;
}

/**
 * A throw-away, migrated database on the PostgreSQL server of `baseUrl` (tests and the bench):
 * created under a random name, dropped (with its connections) by `drop()`.
 */
export async function createThrowawayDatabase(
  baseUrl: string,
  options: { prefix: string; poolMax?: number } | { name: string; poolMax?: number },
): Promise<{ database: Database; url: string; drop(): Promise<void> }> {
  const name = 'name' in options ? options.name : throwawayDatabaseName(options.prefix);
  await adminQuery(baseUrl, `create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.href, dataDir: '', poolMax: options.poolMax });
  await migrate(database.sequelize);
  return {
    database,
    url: url.href,
    async drop() {
      await database.close();
      await dropThrowawayDatabase(baseUrl, name);
    },
  };
}

/** A new random name for a throw-away database, `<prefix>_<12 hex digits>`. */
export function throwawayDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Drops a throw-away database by name, ending its connections; nothing when it does not exist. */
export async function dropThrowawayDatabase(baseUrl: string, name: string): Promise<void> {
  await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
}

export async function createTestDatabase(): Promise<TestDatabase & { drop(): Promise<void> }> {
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const created = await createThrowawayDatabase(baseUrl, { prefix: 'gp_test', poolMax: 5 });
    return { database: created.database, sequelize: created.database.sequelize, url: created.url, drop: created.drop };
  }
  const dir = await mkdtemp(join(tmpdir(), 'gp-test-'));
  const database = await openDatabase({ dataDir: dir, fromTemplate: true });
  await migrate(database.sequelize);
  return {
    database,
    sequelize: database.sequelize,
    url: null,
    async drop() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** vitest hook form: `const db = useTestDatabase();` then `db.sequelize` inside tests. */
export function useTestDatabase(): TestDatabase {
  let current: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await current?.drop();
  }, 60_000);
  const get = () => {
    if (!current) throw new Error('useTestDatabase(): the database is only available inside tests and hooks');
    return current;
  };
  return {
    get database() {
      return get().database;
    },
    get sequelize() {
      return get().sequelize;
    },
    get url() {
      return get().url;
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
