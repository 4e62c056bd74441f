import type { MigrationFn } from 'umzug';

/** Runs raw SQL; migrations speak SQL so constraints, partial indexes and triggers read as they are. */
export type RunSql = (sql: string) => Promise<void>;

/** One step of the schema (a file in ./migrations, listed in ./migrations/index.ts). */
export type Migration = MigrationFn<RunSql>;
