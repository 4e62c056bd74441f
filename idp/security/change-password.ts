import type { Sequelize } from 'sequelize';
import { hashPassword, verifyPassword } from '../../common/accounts/password.ts';
import type { Throttle, ThrottleRule } from '../../common/security/throttle.ts';
import { checkPasswordPolicy, type PasswordPolicyCode } from '../accounts/password-policy.ts';
import type { IdpPorts } from '../ports.ts';
import type { AccountSession } from './account-session.ts';
import { expireAccountTokens, LOGIN_TOKEN_PURPOSES } from '../../common/accounts/account-tokens.ts';
import { revokeAccountSessions } from '../self-service/revoke-sessions.ts';
import { recordSecurityEvent } from './security-notice.ts';

/** Tries of the current password per account: as many as the log-in allows (it is a password guess too). */
export const CHANGE_PASSWORD_RULE: ThrottleRule = { name: 'change-password-account', limit: 5, windowSeconds: 15 * 60 };

export type ChangePasswordOutcome =
  | { kind: 'changed' }
  | { kind: 'throttled'; retryAfter: number }
  | { kind: 'current_password_wrong' }
  | { kind: 'policy'; code: PasswordPolicyCode }
  | { kind: 'password_mismatch' };

/**
 * Changes the password of the logged-in account, given the current one (OWASP ASVS 2.1.5):
 * the same rules as at registration; tries are counted per account before the current password
 * is even looked at; on success, in one transaction, the new hash, every session of the account
 * but this browser's (its IdP session and the API sessions it logged in) ended and every pending link of it expired (see ../self-service/revoke-sessions.ts), an
 * audit event and a notice e-mail.
 */
export async function changePassword(
  deps: { sequelize: Sequelize; throttle: Throttle; ports: IdpPorts; publicUrl: URL },
  session: AccountSession,
  input: { current: string; next: string; confirm: string },
): Promise<ChangePasswordOutcome> {
  const { account } = session;
  const tries = await deps.throttle.hit(CHANGE_PASSWORD_RULE, account.id);
  if (!tries.allowed) return { kind: 'throttled', retryAfter: tries.retryAfter };
  if (!(await verifyPassword(input.current, account.passwordHash))) return { kind: 'current_password_wrong' };
  await deps.throttle.release(CHANGE_PASSWORD_RULE, account.id);

  const policy = checkPasswordPolicy(input.next, { email: account.username, customerNumber: account.customerNumber });
  if (policy) return { kind: 'policy', code: policy.code };
  if (input.next !== input.confirm) return { kind: 'password_mismatch' };

  const hash = await hashPassword(input.next);
  await deps.sequelize.transaction(async (transaction) => {
    await deps.sequelize.query('update accounts set password_hash = :hash, password_changed_at = now(), updated_at = now() where id = :id', {
      replacements: { hash, id: account.id },
      transaction,
    });
    // As a reset does (issue 15, finding 1): no pending link of the account outlives the change.
    await expireAccountTokens(deps.sequelize, transaction, account.id, LOGIN_TOKEN_PURPOSES);
    await revokeAccountSessions(deps.sequelize, deps.ports, transaction, account, {
      keep: { idpSession: session.sessionId, idpSessionUid: session.uid, grantIds: session.grantIds },
    });
    await recordSecurityEvent(deps.sequelize, deps.ports, transaction, {
      account,
      event: 'password_changed',
      publicUrl: deps.publicUrl,
      metadata: { otherSessionsEnded: true },
    });
  });
  return { kind: 'changed' };
}
