import type { Sequelize, Transaction } from 'sequelize';
import type { IdpPorts } from '../ports.ts';

/**
 * After a password change: everything that lets someone act as the account ends (its grants
 * and every token issued under them, every other IdP browser session, the API's sessions
 * through the port), except the IdP session of the browser that made the change, so the
 * customer is not thrown out of the page they are on. Like ../self-service/revoke-sessions.ts
 * (the reset, which spares nothing), kept apart so both stay simple.
 */
export async function endOtherSessions(
  sequelize: Sequelize,
  ports: Pick<IdpPorts, 'endApiSessions'>,
  transaction: Transaction,
  account: { id: string; customerId: number },
  keepSessionId: string,
): Promise<void> {
  await sequelize.query(
    `delete from oidc_models
      where grant_id in (select id from oidc_models where model = 'Grant' and payload->>'accountId' = :accountId)`,
    { replacements: { accountId: account.id }, transaction },
  );
  await sequelize.query(
    `delete from oidc_models
      where model in ('Grant', 'AccessToken', 'RefreshToken', 'AuthorizationCode') and payload->>'accountId' = :accountId`,
    { replacements: { accountId: account.id }, transaction },
  );
  await sequelize.query(`delete from oidc_models where model = 'Session' and payload->>'accountId' = :accountId and id <> :keep`, {
    replacements: { accountId: account.id, keep: keepSessionId },
    transaction,
  });
  await ports.endApiSessions(account.customerId, transaction);
}
