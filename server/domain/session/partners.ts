import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { PartnerSecretVault } from '../../../common/partners/partner-secret-vault.ts';

/** A registered, active broker partner (or the insurer's own portal) as the API sees it. */
export interface Partner {
  clientId: string;
  name: string;
  origins: string[];
  policyScope: 'all' | 'broker';
  brokerId: number | null;
  /** The partner's OIDC client secret, unsealed: the API authenticates to the IdP with it on the partner's behalf. Null when none opens. */
  clientSecret: string | null;
}

interface PartnerRow {
  client_id: string;
  display_name: string;
  origins: string[];
  policy_scope: 'all' | 'broker';
  broker_id: number | null;
  client_secret: string | null;
}

/** The partner if it is registered and active; always read fresh (deactivation takes effect at once). */
export async function findActivePartner(
  sequelize: Sequelize,
  partnerSecrets: PartnerSecretVault,
  clientId: string,
  transaction?: Transaction,
): Promise<Partner | undefined> {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(clientId)) return undefined;
  const [row] = await sequelize.query<PartnerRow>(
    `select client_id, display_name, origins, policy_scope, broker_id, client_secret
       from partner_clients where client_id = :clientId and active`,
    { replacements: { clientId }, type: QueryTypes.SELECT, transaction: transaction ?? null },
  );
  if (!row) return undefined;
  const clientSecret = (await partnerSecrets.open(row.client_id, row.client_secret)) ?? null;
  return {
    clientId: row.client_id,
    name: row.display_name,
    origins: row.origins,
    policyScope: row.policy_scope,
    brokerId: row.broker_id,
    clientSecret,
  };
}
