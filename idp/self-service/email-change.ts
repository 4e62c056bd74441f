import type { Sequelize } from 'sequelize';
import type { IdpPorts } from '../ports.ts';
import { expireAccountTokens, issueToken, LOGIN_TOKEN_PURPOSES } from '../../common/accounts/account-tokens.ts';
import { accountLinks } from './account-links.ts';
import { recordAudit } from './audit.ts';
import { revokeAccountSessions } from './revoke-sessions.ts';

/**
 * The e-mail change's two links without Hono. Whoever confirms a change (or undoes one) may not be
 * whoever holds the sessions: both end every session and grant of the account and every link
 * its login could use, in the same transaction as the change itself.
 */

/**
 * Uses the confirm link (sent to the new address): the login moves, every session ends, pending
 * links (reset, verification, another change) stop working, and the PREVIOUS address gets an
 * undo link (72 hours), in case the change was not the customer's.
 */
export async function confirmEmailChange(
  sequelize: Sequelize,
  ports: IdpPorts,
  input: { token: string; publicUrl: URL },
): Promise<'changed' | 'invalid' | 'failed'> {
  return sequelize.transaction(async (transaction) => {
    const changed = await ports.emailChange.confirm(input.token, transaction);
    if (changed.outcome !== 'changed') return changed.outcome;
    const account = { id: changed.accountId, customerId: changed.customerId };
    await expireAccountTokens(sequelize, transaction, account.id, LOGIN_TOKEN_PURPOSES);
    await revokeAccountSessions(sequelize, ports, transaction, account);
    const undo = await issueToken(sequelize, transaction, account.id, 'undo_email_change', {
      previousLogin: changed.previous.login,
      previousContactEmail: changed.previous.contactEmail,
    });
    await ports.queueEmail(transaction, {
      customerId: account.customerId,
      to: changed.previous.login,
      template: 'email_change_undo',
      language: changed.language,
      data: {
        newEmail: changed.newEmail,
        changedAt: new Date().toISOString(),
        undoUrl: accountLinks(input.publicUrl).undoEmailChange(undo.token, changed.language),
        expiresAt: undo.expiresAt.toISOString(),
      },
    });
    await recordAudit(sequelize, transaction, { action: 'account.sessions_revoked', ...accountIds(account), metadata: { reason: 'email_changed' } });
    return 'changed';
  });
}

/**
 * Uses an undo link (sent to the previous address): that address is the login again, every
 * session ends, every other link (undo links of later changes included) stops working, and a
 * fresh reset link lets the customer replace the password whoever changed the address knew.
 */
export async function undoEmailChange(
  sequelize: Sequelize,
  ports: IdpPorts,
  input: { token: string; publicUrl: URL },
): Promise<{ outcome: 'restored'; resetUrl: string } | { outcome: 'invalid' | 'failed' }> {
  return sequelize.transaction(async (transaction) => {
    const restored = await ports.emailChange.undo(input.token, transaction);
    if (restored.outcome !== 'restored') return { outcome: restored.outcome };
    const account = { id: restored.accountId, customerId: restored.customerId };
    await expireAccountTokens(sequelize, transaction, account.id, [...LOGIN_TOKEN_PURPOSES, 'undo_email_change']);
    await revokeAccountSessions(sequelize, ports, transaction, account);
    const reset = await issueToken(sequelize, transaction, account.id, 'reset_password');
    await recordAudit(sequelize, transaction, { action: 'account.sessions_revoked', ...accountIds(account), metadata: { reason: 'email_change_undone' } });
    return { outcome: 'restored', resetUrl: accountLinks(input.publicUrl).resetPassword(reset.token, restored.language) };
  });
}

const accountIds = (account: { id: string; customerId: number }) => ({ accountId: account.id, customerId: account.customerId });
