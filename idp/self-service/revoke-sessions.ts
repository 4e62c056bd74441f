import type { Sequelize, Transaction } from 'sequelize';
import type { IdpPorts } from '../ports.ts';

/**
 * Ends everything that lets someone act as the account without its password: the IdP's login
 * sessions, grants and every token issued under them (oidc-provider's `revokeByGrantId`
 * semantics, by account), and (through the port) the API's browser sessions, which hold the tokens server-side.
 * JWT access tokens are not stored: `sessions_valid_after` makes the API refuse those issued until now.
 * `keep`: the browser that changed the password keeps what its own log-in gave it, so the
 * customer is thrown out neither of the page they are on nor of the partner page they came from:
 * its IdP session, the grants of that session with their tokens, and the API sessions opened
 * through it (`idp_session`, from the ID token). Which browser that is comes from the IdP's own
 * signed session cookie, never from anything the request names. A reset spares nothing.
 */
const ACCOUNT_MODELS = ['Session', 'Grant', 'AccessToken', 'RefreshToken', 'AuthorizationCode'] as const;

export async function revokeAccountSessions(
  sequelize: Sequelize,
  ports: Pick<IdpPorts, 'endApiSessions'>,
  transaction: Transaction,
  account: { id: string; customerId: number },
  options: { keep?: { idpSession: string; idpSessionUid: string; grantIds: readonly string[] } } = {},
): Promise<void> {
  // '' stands for "none" (an empty list is no valid SQL `in ()`).
  const keepGrants = [...(options.keep?.grantIds ?? []), ''];
  // Anything hanging off the account's grants first (whatever its model), then the rows naming the account.
  await sequelize.query(
    `delete from oidc_models
      where grant_id in (select id from oidc_models where model = 'Grant' and payload->>'accountId' = :accountId and id not in (:keepGrants))`,
    { replacements: { accountId: account.id, keepGrants }, transaction },
  );
  await sequelize.query(
    `delete from oidc_models
      where model in (:models) and payload->>'accountId' = :accountId
        and not (model = 'Session' and id = :keepSession)
        and not (model = 'Grant' and id in (:keepGrants))
        and (grant_id is null or grant_id not in (:keepGrants))`,
    {
      replacements: { accountId: account.id, models: [...ACCOUNT_MODELS], keepSession: options.keep?.idpSession ?? '', keepGrants },
      transaction,
    },
  );
  // clock_timestamp(), not now(): a token issued while this transaction runs is refused too.
  await sequelize.query(`update accounts set sessions_valid_after = clock_timestamp() where id = :accountId`, {
    replacements: { accountId: account.id },
    transaction,
  });
  await ports.endApiSessions(account.customerId, transaction, options.keep ? { exceptIdpSession: options.keep.idpSessionUid } : {});
}
