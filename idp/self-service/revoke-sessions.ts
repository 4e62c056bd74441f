import type { Sequelize, Transaction } from 'sequelize';

/**
 * Ends everything that lets someone act as the account without its password: the IdP's login
 * sessions, grants and every token issued under them (oidc-provider's `revokeByGrantId`
 * semantics, by account), and the API's (BFF's) sessions, which hold the tokens server-side.
 */
const ACCOUNT_MODELS = ['Session', 'Grant', 'AccessToken', 'RefreshToken', 'AuthorizationCode'] as const;

export async function revokeAccountSessions(sequelize: Sequelize, transaction: Transaction, account: { id: string; customerId: number }): Promise<void> {
  // Anything hanging off the account's grants first (whatever its model), then the rows naming the account.
  await sequelize.query(
    `delete from oidc_models
      where grant_id in (select id from oidc_models where model = 'Grant' and payload->>'accountId' = :accountId)`,
    { replacements: { accountId: account.id }, transaction },
  );
  await sequelize.query(`delete from oidc_models where model in (:models) and payload->>'accountId' = :accountId`, {
    replacements: { accountId: account.id, models: [...ACCOUNT_MODELS] },
    transaction,
  });
  await sequelize.query('delete from bff_sessions where customer_id = :customerId', { replacements: { customerId: account.customerId }, transaction });
}
