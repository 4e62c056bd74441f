import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { IdpPorts } from '../ports.ts';
import type { Language } from '../../common/language.ts';
import { accountLinks } from './account-links.ts';
import { consumeToken } from '../../common/accounts/account-tokens.ts';
import { recordAudit } from './audit.ts';
import { sendLinkOrNothing } from './link-request.ts';

/** E-mail verification without Hono: use a link once; send a new one. */

/** Uses the token and marks the account's address verified; false when the link is not valid. */
export async function confirmEmail(sequelize: Sequelize, ports: IdpPorts, token: string): Promise<boolean> {
  return sequelize.transaction(async (transaction) => {
    const used = await consumeToken(sequelize, transaction, token, 'verify_email');
    if (!used) return false;
    const account = await markEmailVerified(sequelize, ports, transaction, used.accountId);
    await recordAudit(sequelize, transaction, { action: 'account.email_verified', customerId: account.customerId, accountId: used.accountId });
    return true;
  });
}

/**
 * Sets `email_verified_at` (keeping the first time), and, when the customer has no contact
 * address on file, makes the now-proven login address the contact address. An address the
 * insurer already holds is never overwritten from a self-service page; when it differs from
 * the login, its owner is told, once, that an account was opened (`account_opened_notice`):
 * registering needs only facts others may know, so the owner of the address on file must hear
 * of an account opened with another one.
 */
export async function markEmailVerified(sequelize: Sequelize, ports: IdpPorts, transaction: Transaction, accountId: string): Promise<{ customerId: number }> {
  const [row] = await sequelize.query<{ customer_id: number; username: string; first_time: boolean }>(
    `update accounts a set email_verified_at = coalesce(a.email_verified_at, now()), updated_at = now()
       from accounts before
      where a.id = :accountId and before.id = a.id
      returning a.customer_id, a.username, before.email_verified_at is null as first_time`,
    { replacements: { accountId }, type: QueryTypes.SELECT, transaction },
  );
  const [customer] = await sequelize.query<{ customer_number: string; email: string | null; language: Language }>(
    `select customer_number, email, language from customers where id = :customerId for update`,
    { replacements: { customerId: row!.customer_id }, type: QueryTypes.SELECT, transaction },
  );
  const onFile = customer?.email?.trim() ?? '';
  if (!onFile) {
    await sequelize.query(`update customers set email = :email, updated_at = now() where id = :customerId`, {
      replacements: { email: row!.username, customerId: row!.customer_id },
      transaction,
    });
  } else if (row!.first_time && onFile.toLowerCase() !== row!.username.toLowerCase()) {
    await ports.queueEmail(transaction, {
      customerId: row!.customer_id,
      to: onFile,
      template: 'account_opened_notice',
      language: customer!.language,
      data: { customerNumber: customer!.customer_number, loginEmail: row!.username, openedAt: new Date().toISOString() },
    });
    await recordAudit(sequelize, transaction, { action: 'account.opened_notice_sent', customerId: row!.customer_id, accountId });
  }
  return { customerId: row!.customer_id };
}

/**
 * Queues a new verification link if an unverified account has this login; silent otherwise,
 * after the same work either way (see `requestPasswordReset`).
 */
export async function resendVerification(
  sequelize: Sequelize,
  ports: IdpPorts,
  input: { email: string; language: Language; publicUrl: URL },
): Promise<boolean> {
  const [account] = await sequelize.query<{ id: string; customer_id: number; username: string }>(
    `select id, customer_id, username from accounts where lower(username) = :email and email_verified_at is null`,
    { replacements: { email: input.email }, type: QueryTypes.SELECT },
  );
  await sendLinkOrNothing(sequelize, ports, account, 'verify_email', ({ token, expiresAt }) => ({
    template: 'verify_email',
    language: input.language,
    data: { verifyUrl: accountLinks(input.publicUrl).verifyEmail(token, input.language), expiresAt: expiresAt.toISOString() },
  }));
  return account !== undefined;
}
