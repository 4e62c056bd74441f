import { QueryTypes, type Sequelize } from 'sequelize';

/**
 * Whether a client is the insurer's own portal: every contract in scope and no broker. Its
 * customers are the insurer's own, logging in to the insurer's own site, so there is no third
 * party to consent to (OAuth's "first-party client"); broker partners keep the consent page.
 */
export async function isFirstPartyClient(sequelize: Sequelize, clientId: string): Promise<boolean> {
  const [row] = await sequelize.query<{ first_party: boolean }>(
    `select policy_scope = 'all' and broker_id is null as first_party from partner_clients where client_id = :clientId`,
    { replacements: { clientId }, type: QueryTypes.SELECT },
  );
  return row?.first_party === true;
}
