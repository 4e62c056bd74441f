import { serve, type ServerType } from '@hono/node-server';
import type { Config } from '../config/config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrator.ts';
import { createLogger, type Logger } from '../../common/http/logger.ts';
import { loadIdpKeys } from '../../idp/keys.ts';
import { createProvider } from '../../idp/provider.ts';
import { sweepExpiredIdpRows } from '../../idp/storage/maintenance.ts';
import { deleteExpiredLoginArtefacts } from '../domain/session/login-states.ts';
import { startSweeper, type Sweeper } from './sweeper.ts';
import { StartupPhases } from './startup-phases.ts';
import { createApp } from './create-app.ts';
import { createBrokerSite } from '../broker-demo/create-broker-site.ts';
import { isDatabaseSeeded, seedDemoData } from '../seed/index.ts';
import { startNotifications, type NotificationService } from '../notifications/start-notifications.ts';
import { partnerSecretKeys } from './partner-secrets.ts';
import { startIdpThread } from './idp-thread/idp-thread.ts';
import { PartnerSecretVault } from '../../common/partners/partner-secret-vault.ts';
import { sealPartnerSecrets } from '../../common/partners/seal-partner-secrets.ts';

export interface RunningPortal {
  database: Database;
  notifications: NotificationService;
  seeded: boolean;
  urls: { portal: string; brokerDemo: string | null };
  close(): Promise<void>;
}

/**
 * Boots the whole product in this process: database (migrated, seeded when empty outside
 * production), the IdP, the API and pages on PORT, and the broker demo site on its own site.
 */
export async function startPortal(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
  /** A database already being opened (main.ts starts it before the rest of the code has loaded). */
  opening: Promise<Database> = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, fromTemplate: true }),
): Promise<RunningPortal> {
  const phases = new StartupPhases();
  // Read once, for both threads. Not before the database is open: in development they are
  // generated on the first start, and the embedded database's lock keeps a second process on the
  // same data folder from generating others.
  const keysLoading = opening.then(() =>
    loadIdpKeys({ dataDir: config.dataDir, production: config.production, jwks: config.secrets.oidcJwks, cookieKeys: config.secrets.oidcCookieKeys }),
  );
  const secretKeysLoading = opening.then(() => partnerSecretKeys(config));
  const issuer = `${config.publicUrl.origin}/oidc`;
  // The provider's endpoints run in a thread of their own (see idp-thread.ts for why), which loads
  // its code while the database opens; this thread's provider serves the log-in pages.
  const idpStarting = startIdpThread(
    Promise.all([opening, keysLoading, secretKeysLoading]).then(([db, keys, secretKeys]) => ({
      issuer,
      database: db.address,
      keys,
      partnerSecretKeys: secretKeys,
      production: config.production,
      sessionLifetimes: config.sessionLifetimes,
    })),
    { trustProxy: config.trustProxy, logger },
  );
  idpStarting.catch(() => {}); // awaited below
  const database = await opening;
  phases.lap('database');
  const servers: ServerType[] = [];
  let notifications: NotificationService | null = null;
  let maintenance: Sweeper | null = null;
  try {
    const applied = await migrate(database.sequelize);
    if (applied.length) logger.info('migrations_applied', { migrations: applied });
    phases.lap('migrate');

    // Migrations have no keys: secrets left in clear (or sealed with an older key) are sealed here, before anything reads them.
    const partnerSecrets = new PartnerSecretVault(await secretKeysLoading);
    const sealed = await sealPartnerSecrets(database.sequelize, partnerSecrets);
    if (sealed.sealedClear || sealed.resealed) logger.info('partner_secrets_sealed', { ...sealed });
    if (sealed.unreadable) logger.warn('partner_secrets_unreadable', { ...sealed });

    let seeded = false;
    if (!config.production && !(await isDatabaseSeeded(database.sequelize))) {
      const started = Date.now();
      const summary = await seedDemoData(database.sequelize, partnerSecrets, {
        portalOrigin: config.publicUrl.origin,
        brokerDemoOrigin: config.brokerDemoUrl?.origin,
      });
      seeded = true;
      logger.info('demo_data_seeded', { ms: Date.now() - started, stepsMs: summary.durationMs });
    }
    phases.lap('seed');

    const keys = await keysLoading;
    phases.lap('keys');
    const provider = createProvider({
      issuer,
      sequelize: database.sequelize,
      keys,
      partnerSecrets,
      production: config.production,
      trustProxy: config.trustProxy,
      sessionLifetimes: config.sessionLifetimes,
    });
    // Expired codes, sessions, refresh tokens, throttling counters and pending logins go every 10 minutes.
    maintenance = startSweeper(logger, {
      idp: () => sweepExpiredIdpRows(database.sequelize),
      apiLogins: () => deleteExpiredLoginArtefacts(database.sequelize),
    });
    notifications = await startNotifications({ sequelize: database.sequelize, smtpUrl: config.smtpUrl, logger });
    phases.lap('notifications');
    const idpThread = await idpStarting;
    phases.lap('idp');
    const app = createApp({ config, sequelize: database.sequelize, provider, idpThread, partnerSecrets, logger, devMailSink: notifications.sink });
    servers.push(await listen(app.fetch, config.port));

    if (config.brokerDemoPort !== null && config.brokerDemoUrl) {
      const site = createBrokerSite({ portalUrl: config.publicUrl, clientId: 'biztos-pont' });
      servers.push(await listen(site.fetch, config.brokerDemoPort));
    }

    phases.lap('listen');
    // How long each step of start-up took (the bench and .ci/smoke-start.sh read this line).
    logger.info('started', phases.summary());

    const started = notifications;
    const sweeper = maintenance;
    return {
      database,
      notifications: started,
      seeded,
      urls: { portal: config.publicUrl.origin, brokerDemo: config.brokerDemoUrl?.origin ?? null },
      async close() {
        sweeper.stop();
        await Promise.all(servers.map(closeServer));
        await idpThread.close();
        await started.close();
        await database.close();
      },
    };
  } catch (error) {
    maintenance?.stop();
    await Promise.all(servers.map(closeServer));
    await idpStarting.then(
      (thread) => thread.close(),
      () => {},
    );
    await notifications?.close();
    await database.close();
    throw error;
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: '0.0.0.0' }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} is already in use: stop the other process or choose another port (PORT / BROKER_DEMO_PORT)`)
          : error,
      ),
    );
  });
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections would hold close() open: end idle ones now.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}
