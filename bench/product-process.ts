// The product the API, IdP and first-rows figures load: `npm start` (bench/npm-start.ts) on the
// bench's throw-away PostgreSQL database, which its first start seeds with the demo data, as a
// user's first `npm start` on a DATABASE_URL does. Configured as an operator would configure it,
// with SESSION_KEYS, so that the bench can read what it keeps: the IdP figures need the refresh
// tokens of their logins and the partner's client secret.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sequelize } from 'sequelize';
import { PartnerSecretVault } from '../common/partners/partner-secret-vault.ts';
import type { PortalEndpoints } from '../test/server/api/session/harness.ts';
import { npmStart } from './npm-start.ts';

export interface BenchProduct extends PortalEndpoints {
  issuer: string;
  /** The broker demo site's origin: client `biztos-pont`'s partner page. */
  brokerOrigin: string;
  /** The bench's own connection to the product's database. */
  sequelize: Sequelize;
  /** The SESSION_KEYS it runs with: the key of its sessions' tokens. */
  sessionKey: string;
  /** The vault of the partners' client secrets, derived from that key as the product derives it. */
  partnerSecrets: PartnerSecretVault;
  close(): Promise<void>;
}

export async function startBenchProduct(database: { url: string; sequelize: Sequelize }): Promise<BenchProduct> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gp-bench-product-'));
  const sessionKey = randomBytes(32).toString('base64url');
  // The bench's own DATABASE_URL names the server's admin database: the product gets the throw-away one.
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir, SESSION_KEYS: sessionKey, NODE_ENV: 'development' };
  delete env.SMTP_URL;
  const product = await npmStart(env).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    origin: product.origin,
    callbackUrl: `${product.origin}/api/session/callback`,
    issuer: `${product.origin}/oidc`,
    brokerOrigin: product.brokerOrigin,
    seen: [],
    sequelize: database.sequelize,
    sessionKey,
    partnerSecrets: new PartnerSecretVault([sessionKey]),
    async close() {
      await product.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
