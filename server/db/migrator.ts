import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';
import { Umzug, SequelizeStorage, type MigrationFn } from 'umzug';

/** Runs raw SQL; migrations speak SQL so constraints, partial indexes and triggers read as they are. */
export type RunSql = (sql: string) => Promise<void>;
export type Migration = MigrationFn<RunSql>;

const MIGRATIONS_DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'migrations');
// Any constant: serialises concurrent migrators (several processes starting on one database).
const MIGRATION_LOCK = 727_001;

function createUmzug(sequelize: Sequelize) {
  return new Umzug<RunSql>({
    // A function here would be taken for a context factory: return the runner from one.
    context: (): RunSql => async (sql) => {
      await sequelize.query(sql);
    },
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
    migrations: async () => {
      const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}-[\w-]+\.ts$/.test(f)).sort();
      return files.map((file) => {
        const path = join(MIGRATIONS_DIR, file);
        return {
          name: file.replace(/\.ts$/, ''),
          up: async (params) => (await import(pathToFileURL(path).href)).up(params),
          down: async (params) => (await import(pathToFileURL(path).href)).down(params),
        };
      });
    },
  });
}

/** Applies every pending migration; returns the names applied. Safe to run from several processes at once. */
export async function migrate(sequelize: Sequelize): Promise<string[]> {
  await sequelize.query('select pg_advisory_lock(:key)', { replacements: { key: MIGRATION_LOCK }, type: QueryTypes.SELECT });
  try {
    const applied = await createUmzug(sequelize).up();
    return applied.map((m) => m.name);
  } finally {
    await sequelize.query('select pg_advisory_unlock(:key)', { replacements: { key: MIGRATION_LOCK }, type: QueryTypes.SELECT });
  }
}

export async function pendingMigrations(sequelize: Sequelize): Promise<string[]> {
  return (await createUmzug(sequelize).pending()).map((m) => m.name);
}

/** Reverts every migration (tests and `portal migrate --reset` in development only). */
export async function resetDatabase(sequelize: Sequelize): Promise<void> {
  await createUmzug(sequelize).down({ to: 0 });
}
