import { loadConfig } from '../config/config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { upToDate } from '../db/migrator.ts';
import { CliError } from './cli-error.ts';

/**
 * Opens the configured database for one command and always closes it. Unless the command is
 * the one that migrates, a database without the current schema is answered with what to do
 * (a stack trace of "relation does not exist" helped nobody).
 */
export async function withDatabase<T>(work: (database: Database) => Promise<T>, options: { requireSchema?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if ((options.requireSchema ?? true) && !(await upToDate(database.sequelize))) {
      throw new CliError('The database is not migrated (or is missing migrations): run "npx portal migrate" first, with the same DATABASE_URL / DATA_DIR.');
    }
    return await work(database);
  } finally {
    await database.close();
  }
}
