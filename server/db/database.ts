import { Sequelize, type Options } from 'sequelize';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';

/**
 * One dialect everywhere: sequelize's `postgres` dialect talks either to a real PostgreSQL
 * (`DATABASE_URL`) or to the embedded PGlite behind its wire-protocol socket.
 */
export interface Database {
  sequelize: Sequelize;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | null | undefined;
  dataDir: string;
  logging?: ((sql: string) => void) | false;
  /** Pool size on real PostgreSQL (PGlite always uses 1). */
  poolMax?: number;
  /**
   * Embedded only: a new data folder starts from the migrated template (server/db/pglite-template.ts)
   * instead of initdb. `npm start` and the tests ask for it; `portal` does not, so that
   * `portal migrate` on a new folder shows and applies the migrations as it says.
   */
  fromTemplate?: boolean;
}

const common: Options = {
  dialect: 'postgres',
  define: { underscored: true, timestamps: false },
  // Bigints (bigserial ids, counts) come back as strings from pg; keep them so.
  dialectOptions: { application_name: 'gp-portal' },
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const logging = options.logging ?? false;
  if (options.databaseUrl) {
    const sequelize = new Sequelize(options.databaseUrl, {
      ...common,
      logging,
      pool: { max: options.poolMax ?? 10, min: 0, idle: 10_000, acquire: 10_000 },
    });
    await sequelize.authenticate();
    return { sequelize, kind: 'postgres', close: () => sequelize.close() };
  }

  const embedded: EmbeddedPostgres = await startEmbeddedPostgres(options.dataDir, { fromTemplate: options.fromTemplate ?? false });
  // Every socket connection shares ONE Postgres session, so a second pooled connection would
  // interleave with an open transaction: one connection, and a clear acquire timeout instead of a hang.
  const sequelize = new Sequelize({
    ...common,
    host: embedded.socketDir,
    port: embedded.port,
    database: 'postgres',
    username: 'postgres',
    password: 'postgres',
    logging,
    pool: { max: 1, min: 0, idle: 60_000, acquire: 30_000 },
  });
  try {
    await sequelize.authenticate();
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return {
    sequelize,
    kind: 'pglite',
    async close() {
      await sequelize.close();
      await embedded.stop();
    },
  };
}
