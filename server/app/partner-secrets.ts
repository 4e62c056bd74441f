import type { Config } from '../config/config.ts';
import { loadSessionKeys } from '../domain/session/session-keys.ts';
import { PartnerSecretVault } from '../../common/partners/partner-secret-vault.ts';

/**
 * The vault of the partners' client secrets, from the session keys (`SESSION_KEYS`, or the ones
 * generated into the data directory in development): the start, the seed and `portal partner …`
 * must all derive the same keys, so they all come here.
 */
export async function partnerSecretVault(config: Pick<Config, 'production' | 'dataDir' | 'secrets'>): Promise<PartnerSecretVault> {
  const keys = await loadSessionKeys({ configured: config.secrets.sessionKeys, dataDir: config.dataDir, production: config.production });
  return new PartnerSecretVault(keys);
}
