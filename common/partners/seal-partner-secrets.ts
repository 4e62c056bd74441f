import { QueryTypes, type Sequelize } from 'sequelize';
import { PartnerSecretVault } from './partner-secret-vault.ts';

export interface SealedPartnerSecrets {
  /** Rows that held a clear secret (from before secrets were sealed), now sealed. */
  sealedClear: number;
  /** Rows sealed with an older key, now sealed with the first one. */
  resealed: number;
  /** Rows sealed with a key no longer configured (or altered): left as they are, refused until `portal partner rotate-secret`. */
  unreadable: number;
}

/**
 * Run at every start, after the migrations (which have no keys): seals any secret still in clear
 * and re-seals those of an older key, so after a rotation the old key can be dropped once every
 * process has started with the new list. Idempotent; any process may run it.
 */
export async function sealPartnerSecrets(sequelize: Sequelize, vault: PartnerSecretVault): Promise<SealedPartnerSecrets> {
  return sequelize.transaction(async (transaction) => {
    const rows = await sequelize.query<{ client_id: string; client_secret: string }>(
      'select client_id, client_secret from partner_clients where client_secret is not null for update',
      { type: QueryTypes.SELECT, transaction },
    );
    const result: SealedPartnerSecrets = { sealedClear: 0, resealed: 0, unreadable: 0 };
    for (const row of rows) {
      let secret: string;
      if (!PartnerSecretVault.looksSealed(row.client_secret)) {
        secret = row.client_secret;
        result.sealedClear++;
      } else if (PartnerSecretVault.kidOf(row.client_secret) === vault.currentKid) {
        continue;
      } else {
        const opened = await vault.open(row.client_id, row.client_secret);
        if (opened === undefined) {
          result.unreadable++;
          continue;
        }
        secret = opened;
        result.resealed++;
      }
      await sequelize.query('update partner_clients set client_secret = :sealed where client_id = :id', {
        replacements: { id: row.client_id, sealed: await vault.seal(row.client_id, secret) },
        transaction,
      });
    }
    return result;
  });
}
