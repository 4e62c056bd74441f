import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../server/config/config.ts';
import { createLogger } from '../../../common/http/logger.ts';
import { startPortal, type RunningPortal } from '../../../server/app/start.ts';
import { startMailSink, type MailSink } from '../../../server/notifications/dev-mail-sink.ts';
import { createTestDatabase } from '../../support/database.ts';
import { freePort } from '../../support/free-port.ts';

/**
 * The product as `npm start` runs it — the same boot code, demo data, the IdP, the API, the
 * standalone page and the broker demo site — on a throw-away database (real PostgreSQL when
 * DATABASE_URL is set) with a real SMTP server as its mail server (SMTP_URL).
 *
 * The insurer is `http://localhost:<port>` and the broker `http://127.0.0.1:<port>`: two
 * different sites, so the browser treats the broker's embedded widgets as third-party.
 */
export interface Product {
  /** The running product; replaced by {@link Product.withProductStopped}. */
  portal: RunningPortal;
  mail: MailSink;
  insurerUrl: string;
  brokerUrl: string;
  /** The connection URL the product uses (for the CLI, real PostgreSQL only). */
  databaseUrl: string | null;
  dataDir: string;
  env: Record<string, string>;
  /**
   * Runs `task` (a command-line call) where the product's database is reachable by another
   * process: at once on PostgreSQL; on the embedded PGlite, which admits one process, between
   * stopping the product and starting it again (as an operator would). Sessions survive: they
   * live in the database.
   */
  withDatabaseFree<T>(task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What a product start needs before the product itself runs: database, mail server, folder, settings. */
export interface ProductSetup {
  mail: MailSink;
  databaseUrl: string | null;
  dataDir: string;
  /** The product's settings (PORT, PUBLIC_URL, …), as `npm start` reads them from the environment. */
  env: Record<string, string>;
  /** Drops the database, stops the mail server and removes the folder. */
  dispose(): Promise<void>;
}

/**
 * Prepares a product start: a throw-away database, a real SMTP server, a data folder and free
 * ports. `overrides` may change any setting, given the two ports (e.g. https URLs behind a proxy).
 */
export async function prepareProduct(overrides: (ports: { port: number; brokerPort: number }) => Record<string, string> = () => ({})): Promise<ProductSetup> {
  const db = await createTestDatabase();
  const mail = await startMailSink();
  const dataDir = await mkdtemp(join(tmpdir(), 'gp-e2e-'));
  const [port, brokerPort] = [await freePort(), await freePort()];
  const env: Record<string, string> = {
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    BROKER_DEMO_PORT: String(brokerPort),
    BROKER_DEMO_URL: `http://127.0.0.1:${brokerPort}`,
    DATA_DIR: dataDir,
    SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...overrides({ port, brokerPort }),
  };
  // The embedded database admits one process: on PGlite the product opens its own in DATA_DIR.
  if (!db.url) await db.drop();
  return {
    mail,
    databaseUrl: db.url,
    dataDir,
    env,
    async dispose() {
      await mail.close();
      if (db.url) await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startProduct(): Promise<Product> {
  const { mail, databaseUrl, dataDir, env, dispose } = await prepareProduct();
  const config = loadConfig(env);
  const product: Product = {
    portal: await startPortal(config, createLogger('warn')),
    mail,
    insurerUrl: env.PUBLIC_URL!,
    brokerUrl: env.BROKER_DEMO_URL!,
    databaseUrl,
    dataDir,
    env,
    async withDatabaseFree(task) {
      if (databaseUrl) return task();
      await this.portal.close();
      try {
        return await task();
      } finally {
        this.portal = await startPortal(config, createLogger('warn'));
      }
    },
    async close() {
      await this.portal.close();
      await dispose();
    },
  };
  return product;
}
