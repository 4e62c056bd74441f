import { loadConfig } from '../config/config.ts';
import { openDatabase, type Database } from '../db/database.ts';

/** Opens the configured database for one command and always closes it. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
