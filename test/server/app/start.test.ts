import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { loadConfig } from '../../../server/config/config.ts';
import { startPortal } from '../../../server/app/start.ts';
import { silentLogger } from '../../../common/http/logger.ts';
import { partnerSecretVault } from '../../../server/app/partner-secrets.ts';

// The embedded default, as `npm start` runs it for a new user: no DATABASE_URL.
const dataDir = await mkdtemp(join(tmpdir(), 'gp-start-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function boot() {
  const port = await freePort();
  const brokerPort = await freePort();
  const config = loadConfig({ PORT: String(port), BROKER_DEMO_PORT: String(brokerPort), DATA_DIR: dataDir });
  return startPortal(config, silentLogger);
}

const CLEAR_SECRET = 'a-secret-left-in-clear-by-an-older-version-0';
const storedSecret = async (portal: Awaited<ReturnType<typeof boot>>, clientId: string) =>
  (
    await portal.database.sequelize.query<{ client_secret: string }>('select client_secret from partner_clients where client_id = :clientId', {
      replacements: { clientId },
      type: QueryTypes.SELECT,
    })
  )[0]!.client_secret;

const countCustomers = async (portal: Awaited<ReturnType<typeof boot>>) =>
  Number((await portal.database.sequelize.query<{ n: string }>('select count(*) as n from customers', { type: QueryTypes.SELECT }))[0]!.n);

describe('startPortal on the embedded database', () => {
  it('migrates and seeds an empty data folder, serves both sites, and reuses the data on the next start', async () => {
    let customersAfterFirstStart = 0;
    const first = await boot();
    try {
      expect(first.database.kind).toBe('pglite');
      expect(first.seeded).toBe(true);
      customersAfterFirstStart = await countCustomers(first);
      expect(customersAfterFirstStart).toBeGreaterThanOrEqual(200);
      expect((await fetch(`${first.urls.portal}/readyz`)).status).toBe(200);
      const broker = await (await fetch(`${first.urls.brokerDemo}/`)).text();
      expect(broker).toContain(`${first.urls.portal}/sdk/gp-widgets.js`);
      expect(broker).not.toContain('%PORTAL_URL%');
      // The seed sealed every partner's secret; an older version's clear row is left for the next start.
      expect(await storedSecret(first, 'portal')).toMatch(/^[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
      await first.database.sequelize.query(`update partner_clients set client_secret = :secret where client_id = 'portal'`, {
        replacements: { secret: CLEAR_SECRET },
      });
    } finally {
      await first.close();
    }

    const second = await boot();
    try {
      expect(second.seeded).toBe(false);
      expect(await countCustomers(second)).toBe(customersAfterFirstStart);
      // Start-up sealed the clear row with the data folder's session keys (the same ones `portal partner` uses).
      const sealed = await storedSecret(second, 'portal');
      expect(sealed).not.toContain(CLEAR_SECRET);
      const vault = await partnerSecretVault(loadConfig({ DATA_DIR: dataDir }));
      expect(await vault.open('portal', sealed)).toBe(CLEAR_SECRET);
      const [{ n }] = (await second.database.sequelize.query<{ n: string }>('select count(*) as n from schema_migrations', { type: QueryTypes.SELECT })) as [
        { n: string },
      ];
      expect(Number(n)).toBeGreaterThanOrEqual(1);
    } finally {
      await second.close();
    }
  }, 120_000);

  it('refuses a second process on the same data folder with a clear message', async () => {
    const running = await boot();
    try {
      await expect(boot()).rejects.toThrow(/in use by process/);
    } finally {
      await running.close();
    }
  }, 120_000);
});
