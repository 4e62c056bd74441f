import { QueryTypes, type Sequelize } from 'sequelize';
import type { IdpPorts } from '../ports.ts';
import type { Language } from '../../common/language.ts';
import { accountLinks } from './account-links.ts';
import { consumeToken, expireAccountTokens, LOGIN_TOKEN_PURPOSES, peekToken } from '../../common/accounts/account-tokens.ts';
import { recordAudit } from './audit.ts';
import { sendLinkOrNothing } from './link-request.ts';
import { revokeAccountSessions } from './revoke-sessions.ts';
import { markEmailVerified } from './verification.ts';

/** The forgotten-password flow without Hono. */

/**
 * Queues a reset link if an account has this login; silent otherwise (the page answers the same),
 * after the same work: a token made, the same statements in one transaction (which change no row
 * for nobody) and the outbox's round trip, so the time does not tell known addresses either.
 */
export async function requestPasswordReset(
  sequelize: Sequelize,
  ports: IdpPorts,
  input: { email: string; language: Language; publicUrl: URL },
): Promise<boolean> {
  const [account] = await sequelize.query<{ id: string; customer_id: number; username: string }>(
    `select id, customer_id, username from accounts where lower(username) = :email`,
    { replacements: { email: input.email }, type: QueryTypes.SELECT },
  );
  await sendLinkOrNothing(sequelize, ports, account, 'reset_password', ({ token, expiresAt }) => ({
    template: 'password_reset',
    language: input.language,
    data: { resetUrl: accountLinks(input.publicUrl).resetPassword(token, input.language), expiresAt: expiresAt.toISOString() },
  }));
  return account !== undefined;
}

/** What the new password is checked against (it must not contain them). */
export interface ResetTarget {
  accountId: string;
  email: string;
  customerNumber: string;
}

/** The account a still-valid reset link belongs to, without using the link up. */
export async function resetTarget(sequelize: Sequelize, token: string): Promise<ResetTarget | null> {
  const valid = await peekToken(sequelize, token, 'reset_password');
  if (!valid) return null;
  const [row] = await sequelize.query<{ username: string; customer_number: string }>(
    `select a.username, c.customer_number from accounts a join customers c on c.id = a.customer_id where a.id = :id`,
    { replacements: { id: valid.accountId }, type: QueryTypes.SELECT },
  );
  return row ? { accountId: valid.accountId, email: row.username, customerNumber: row.customer_number } : null;
}

/**
 * Uses the link and sets the new password, all in one transaction: every session, grant,
 * access token and unused link (reset, verification, e-mail change) of the account ends (whoever knew the old password is out), the address counts as
 * verified (the link proved it), and the security notice is queued. Nobody is logged in.
 * False when the link is no longer valid.
 */
export async function resetPassword(
  sequelize: Sequelize,
  ports: IdpPorts,
  input: { token: string; passwordHash: string; language: Language; publicUrl: URL },
): Promise<boolean> {
  return sequelize.transaction(async (transaction) => {
    const used = await consumeToken(sequelize, transaction, input.token, 'reset_password');
    if (!used) return false;
    const [account] = await sequelize.query<{ customer_id: number; username: string }>(
      `update accounts set password_hash = :hash, password_changed_at = now(), failed_logins = 0, locked_until = null, updated_at = now()
        where id = :id returning customer_id, username`,
      { replacements: { hash: input.passwordHash, id: used.accountId }, type: QueryTypes.SELECT, transaction },
    );
    const customerId = account!.customer_id;
    // A pending e-mail change (perhaps an attacker's, made with the old password) must not outlive the reset.
    await expireAccountTokens(sequelize, transaction, used.accountId, LOGIN_TOKEN_PURPOSES);
    await markEmailVerified(sequelize, ports, transaction, used.accountId);
    await revokeAccountSessions(sequelize, ports, transaction, { id: used.accountId, customerId });
    await ports.queueEmail(transaction, {
      customerId,
      to: account!.username,
      template: 'password_changed',
      language: input.language,
      data: { changedAt: new Date().toISOString(), resetUrl: accountLinks(input.publicUrl).forgotPassword() },
    });
    await recordAudit(sequelize, transaction, { action: 'account.password_reset', customerId, accountId: used.accountId, metadata: { sessionsRevoked: true } });
    return true;
  });
}
