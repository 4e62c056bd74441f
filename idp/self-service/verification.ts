import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { enqueueNotification, messageIdDomain } from '../../server/notifications/outbox.ts';
import type { Lang } from '../pages/language.ts';
import { accountLinks } from './account-links.ts';
import { consumeToken, issueToken } from './account-tokens.ts';
import { recordAudit } from './audit.ts';

/** E-mail verification without Hono: use a link once; send a new one. */

/** Uses the token and marks the account's address verified; false when the link is not valid. */
export async function confirmEmail(sequelize: Sequelize, token: string): Promise<boolean> {
  return sequelize.transaction(async (transaction) => {
    const used = await consumeToken(sequelize, transaction, token, 'verify_email');
    if (!used) return false;
    const account = await markEmailVerified(sequelize, transaction, used.accountId);
    await recordAudit(sequelize, transaction, { action: 'account.email_verified', customerId: account.customerId, accountId: used.accountId });
    return true;
  });
}

/**
 * Sets `email_verified_at` (keeping the first time), and, when the customer has no contact
 * address on file, makes the now-proven login address the contact address. An address the
 * insurer already holds is never overwritten from a self-service page.
 */
export async function markEmailVerified(sequelize: Sequelize, transaction: Transaction, accountId: string): Promise<{ customerId: number }> {
  const [row] = await sequelize.query<{ customer_id: number; username: string }>(
    `update accounts set email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
      where id = :accountId returning customer_id, username`,
    { replacements: { accountId }, type: QueryTypes.SELECT, transaction },
  );
  await sequelize.query(
    `update customers set email = :email, updated_at = now() where id = :customerId and coalesce(email, '') = ''`,
    { replacements: { email: row!.username, customerId: row!.customer_id }, transaction },
  );
  return { customerId: row!.customer_id };
}

/** Queues a new verification link if an unverified account has this login; silent otherwise. */
export async function resendVerification(sequelize: Sequelize, input: { email: string; language: Lang; publicUrl: URL }): Promise<boolean> {
  const [account] = await sequelize.query<{ id: string; customer_id: number; username: string }>(
    `select id, customer_id, username from accounts where lower(username) = :email and email_verified_at is null`,
    { replacements: { email: input.email }, type: QueryTypes.SELECT },
  );
  if (!account) return false;
  await sequelize.transaction(async (transaction) => {
    const { token, expiresAt } = await issueToken(sequelize, transaction, account.id, 'verify_email');
    await enqueueNotification(
      sequelize,
      transaction,
      {
        customerId: account.customer_id,
        to: account.username,
        template: 'verify_email',
        language: input.language,
        data: { verifyUrl: accountLinks(input.publicUrl).verifyEmail(token, input.language), expiresAt: expiresAt.toISOString() },
      },
      messageIdDomain(input.publicUrl),
    );
  });
  return true;
}
