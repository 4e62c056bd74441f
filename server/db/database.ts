import { Sequelize, type Options } from 'sequelize';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';

/**
 * One dialect everywhere: sequelize's `postgres` dialect talks either to a real PostgreSQL
 * (`DATABASE_URL`) or to the embedded PGlite behind its wire-protocol socket.
 */
export interface Database {
  sequelize: Sequelize;
  kind: 'postgres' | 'pglite';
  /** Where another thread of this process (the IdP's) connects to the same database. */
  address: DatabaseAddress;
  close(): Promise<void>;
}

/** A real PostgreSQL's URL, or the embedded PGlite's private socket. */
export type DatabaseAddress = { url: string } | { socketDir: string; port: number };

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
    const address = { url: options.databaseUrl };
    const sequelize = await connectDatabase(address, { logging, poolMax: options.poolMax });
    return { sequelize, kind: 'postgres', address, close: () => sequelize.close() };
  }

  const embedded: EmbeddedPostgres = await startEmbeddedPostgres(options.dataDir, { fromTemplate: options.fromTemplate ?? false });
  const address = { socketDir: embedded.socketDir, port: embedded.port };
  let sequelize: Sequelize;
  try {
    sequelize = await connectDatabase(address, { logging });
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return {
    sequelize,
    kind: 'pglite',
    address,
    async close() {
      await sequelize.close();
      await embedded.stop();
    },
  };
}

/**
 * A connected sequelize on `address`. On the embedded PGlite every socket connection shares ONE
 * Postgres session (its socket server queues the connections' queries, a transaction's first),
 * so each connecting thread takes one connection, with a clear acquire timeout instead of a hang.
 */
export async function connectDatabase(
  address: DatabaseAddress,
  options: { logging?: ((sql: string) => void) | false; poolMax?: number | undefined } = {},
): Promise<Sequelize> {
  const logging = options.logging ?? false;
  const sequelize =
    'url' in address
      ? new Sequelize(address.url, { ...common, logging, pool: { max: options.poolMax ?? 10, min: 0, idle: 10_000, acquire: 10_000 } })
      : new Sequelize({
          ...common,
          host: address.socketDir,
          port: address.port,
          database: 'postgres',
          username: 'postgres',
          password: 'postgres',
          logging,
          pool: { max: 1, min: 0, idle: 60_000, acquire: 30_000 },
        });
  try {
    await sequelize.authenticate();
  } catch (error) {
    await sequelize.close().catch(() => {});
    throw error;
  }
  return sequelize;
}
