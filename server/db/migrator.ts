import { QueryTypes, type Sequelize } from 'sequelize';
import type { RunSql } from './migration.ts';
import { MIGRATIONS } from './migrations/index.ts';

// Any constant: serialises concurrent migrators (several processes starting on one database).
const MIGRATION_LOCK = 727_001;

// umzug (with its dependencies) takes about a second to load: it is imported only when there is
// something to apply or revert, never on a restart of an up-to-date database.
async function createUmzug(sequelize: Sequelize) {
  const { Umzug, SequelizeStorage } = await import('umzug');
  return new Umzug<RunSql>({
    // A function here would be taken for a context factory: return the runner from one.
    context: (): RunSql => async (sql) => {
      await sequelize.query(sql);
    },
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
    migrations: MIGRATIONS.map(({ name, up, down }) => ({ name, up, down })),
  });
}

/** Applies every pending migration; returns the names applied. Safe to run from several processes at once. */
export async function migrate(sequelize: Sequelize): Promise<string[]> {
  if (await upToDate(sequelize)) return [];
  await sequelize.query('select pg_advisory_lock(:key)', { replacements: { key: MIGRATION_LOCK }, type: QueryTypes.SELECT });
  try {
    const applied = await (await createUmzug(sequelize)).up();
    return applied.map((m) => m.name);
  } finally {
    await sequelize.query('select pg_advisory_unlock(:key)', { replacements: { key: MIGRATION_LOCK }, type: QueryTypes.SELECT });
  }
}

export async function pendingMigrations(sequelize: Sequelize): Promise<string[]> {
  return (await (await createUmzug(sequelize)).pending()).map((m) => m.name);
}

/** Reverts every migration (tests and `portal migrate --reset` in development only). */
export async function resetDatabase(sequelize: Sequelize): Promise<void> {
  await (await createUmzug(sequelize)).down({ to: 0 });
}

/** Whether schema_migrations already records every migration (the usual restart): one query, no umzug. */
export async function upToDate(sequelize: Sequelize): Promise<boolean> {
  const [table] = await sequelize.query<{ found: string | null }>(`select to_regclass('schema_migrations')::text as found`, { type: QueryTypes.SELECT });
  if (!table?.found) return false;
  const rows = await sequelize.query<{ name: string }>('select name from schema_migrations', { type: QueryTypes.SELECT });
  const applied = new Set(rows.map((row) => row.name));
  return MIGRATIONS.every(({ name }) => applied.has(name));
}
