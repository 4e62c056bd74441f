import type { Sequelize, Transaction } from 'sequelize';
import type { IdpPorts } from '../ports.ts';

/**
 * Ends everything that lets someone act as the account without its password: the IdP's login
 * sessions, grants and every token issued under them (oidc-provider's `revokeByGrantId`
 * semantics, by account), and (through the port) the API's browser sessions, which hold the tokens server-side.
 * JWT access tokens are not stored: `sessions_valid_after` makes the API refuse those issued until now.
 * `keepIdpSession`: the IdP session of the browser that changed the password itself stays, so
 * the customer is not thrown out of the page they are on (a reset spares nothing).
 */
const ACCOUNT_MODELS = ['Session', 'Grant', 'AccessToken', 'RefreshToken', 'AuthorizationCode'] as const;

export async function revokeAccountSessions(
  sequelize: Sequelize,
  ports: Pick<IdpPorts, 'endApiSessions'>,
  transaction: Transaction,
  account: { id: string; customerId: number },
  options: { keepIdpSession?: string } = {},
): Promise<void> {
  // Anything hanging off the account's grants first (whatever its model), then the rows naming the account.
  await sequelize.query(
    `delete from oidc_models
      where grant_id in (select id from oidc_models where model = 'Grant' and payload->>'accountId' = :accountId)`,
    { replacements: { accountId: account.id }, transaction },
  );
  await sequelize.query(`delete from oidc_models where model in (:models) and payload->>'accountId' = :accountId and not (model = 'Session' and id = :keep)`, {
    replacements: { accountId: account.id, models: [...ACCOUNT_MODELS], keep: options.keepIdpSession ?? '' },
    transaction,
  });
  // clock_timestamp(), not now(): a token issued while this transaction runs is refused too.
  await sequelize.query(`update accounts set sessions_valid_after = clock_timestamp() where id = :accountId`, {
    replacements: { accountId: account.id },
    transaction,
  });
  await ports.endApiSessions(account.customerId, transaction);
}
