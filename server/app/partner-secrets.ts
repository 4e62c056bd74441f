import type { Config } from '../config/config.ts';
import { loadSessionKeys } from '../domain/session/session-keys.ts';
import { PartnerSecretVault } from '../../common/partners/partner-secret-vault.ts';

/**
 * The keys of the vault of the partners' client secrets: the session keys (`SESSION_KEYS`, or the
 * ones generated into the data directory in development). The start, the IdP thread, the seed
 * and `portal partner …` must all derive the same keys, so they all come here.
 */
export function partnerSecretKeys(config: Pick<Config, 'production' | 'dataDir' | 'secrets'>): Promise<string[]> {
  return loadSessionKeys({ configured: config.secrets.sessionKeys, dataDir: config.dataDir, production: config.production });
}

export async function partnerSecretVault(config: Pick<Config, 'production' | 'dataDir' | 'secrets'>): Promise<PartnerSecretVault> {
  return new PartnerSecretVault(await partnerSecretKeys(config));
}
