import { QueryTypes, UniqueConstraintError, type Sequelize, type Transaction } from 'sequelize';
import { verifyPassword } from '../../../common/accounts/password.ts';
import type { Throttle, ThrottleRule } from '../../../common/security/throttle.ts';
import { normaliseEmail } from '../../../common/accounts/email-address.ts';
import { consumeToken, issueToken, peekToken, type IssuedToken } from '../../../common/accounts/account-tokens.ts';
import { insertRows } from '../../db/insert-rows.ts';
import { enqueueNotification, messageIdDomain } from '../../notifications/outbox.ts';
import { DomainError } from '../../kernel/domain-error.ts';
import { nowOf, type CustomerActor, type DomainContext } from '../../kernel/context.ts';
import type { Language } from '../../../common/language.ts';
import type { EmailChangeOutcome, EmailChangeUndoOutcome } from '../../../common/accounts/email-change-outcome.ts';

/**
 * Changing the e-mail address (the login name): the customer gives the new address and the
 * password again; the change takes effect only once the NEW address confirms a single-use link
 * (a `change_email` account token carrying `{ newEmail }`), and the OLD address is told at once.
 *
 * An address another account already uses gets the very same answer as a good one, and nothing
 * is sent: the answer never tells whether an address has an account. The audit trail names ids
 * only, never an address.
 */

/** Wrong passwords per account before the endpoint refuses for a while. */
export const EMAIL_CHANGE_PASSWORD_RULE: ThrottleRule = { name: 'email-change-password', limit: 5, windowSeconds: 900 };
export const CONFIRM_EMAIL_CHANGE_PATH = '/account/confirm-email-change';

const PURPOSE = 'change_email';

export interface EmailChangeInput {
  newEmail: string;
  password: string;
}

export interface EmailChangeOptions {
  throttle: Throttle;
}

/** The confirm link sent to the new address. */
export function confirmEmailChangeUrl(publicUrl: URL, token: string, lang: Language): string {
  return `${publicUrl.origin}${CONFIRM_EMAIL_CHANGE_PATH}?${new URLSearchParams({ token, lang }).toString()}`;
}

interface AccountRow {
  id: string;
  username: string;
  password_hash: string;
  language: Language;
}

export async function requestEmailChange(
  ctx: DomainContext,
  actor: CustomerActor,
  input: EmailChangeInput,
  options: EmailChangeOptions,
): Promise<{ pending: true }> {
  const { sequelize } = ctx;
  const [account] = await sequelize.query<AccountRow>(
    `select a.id, a.username, a.password_hash, c.language
       from accounts a join customers c on c.id = a.customer_id
      where a.customer_id = :customerId`,
    { replacements: { customerId: actor.customerId }, type: QueryTypes.SELECT },
  );
  if (!account) throw DomainError.notFound('account_not_found', 'The customer has no portal account.');

  // Counted before the password is checked (a peek-then-count let a parallel burst through);
  // a right password resets the count below.
  const state = await options.throttle.hit(EMAIL_CHANGE_PASSWORD_RULE, account.id);
  if (!state.allowed) throw new DomainError('too_many_attempts', 'unavailable', 'Too many wrong passwords; try again later.');
  if (!(await verifyPassword(input.password, account.password_hash))) {
    throw DomainError.invalid('password_incorrect', 'The password is not correct.', [
      { field: 'password', code: 'password_incorrect', message: 'The password is not correct.' },
    ]);
  }
  await options.throttle.reset(EMAIL_CHANGE_PASSWORD_RULE, account.id);

  const newEmail = normaliseEmail(input.newEmail);
  if (!newEmail) {
    throw DomainError.invalid('invalid_email', 'Not an e-mail address (at most 254 characters).', [
      { field: 'newEmail', code: 'invalid_email', message: 'Not an e-mail address (at most 254 characters).' },
    ]);
  }
  if (newEmail === account.username.toLowerCase()) {
    throw DomainError.invalid('email_unchanged', 'This is already the account’s e-mail address.', [
      { field: 'newEmail', code: 'email_unchanged', message: 'This is already the account’s e-mail address.' },
    ]);
  }
  // Another account's login: the same answer as a success, and nothing is sent.
  if (await addressTaken(sequelize, null, newEmail, account.id)) return { pending: true };

  const requestedAt = nowOf(ctx);
  await sequelize.transaction(async (transaction) => {
    const { token, expiresAt } = await issueEmailChangeToken(sequelize, transaction, account.id, newEmail);
    const domain = messageIdDomain(ctx.publicUrl);
    await enqueueNotification(
      sequelize,
      transaction,
      {
        customerId: actor.customerId,
        to: newEmail,
        template: 'email_change_confirm',
        language: account.language,
        data: { newEmail, confirmUrl: confirmEmailChangeUrl(ctx.publicUrl, token, account.language), expiresAt: expiresAt.toISOString() },
      },
      domain,
    );
    await enqueueNotification(
      sequelize,
      transaction,
      {
        customerId: actor.customerId,
        to: account.username,
        template: 'email_changed_notice',
        language: account.language,
        data: { newEmail, requestedAt: requestedAt.toISOString() },
      },
      domain,
    );
    await audit(sequelize, transaction, {
      action: 'profile.email_change_requested',
      customerId: actor.customerId,
      accountId: account.id,
      clientId: actor.clientId ?? null,
    });
  });
  return { pending: true };
}

/**
 * A new `change_email` token for the account (32 random bytes; only the SHA-256 is stored,
 * valid 24 hours); older unused ones stop working at once.
 */
export function issueEmailChangeToken(sequelize: Sequelize, transaction: Transaction, accountId: string, newEmail: string): Promise<IssuedToken> {
  return issueToken(sequelize, transaction, accountId, PURPOSE, { newEmail });
}

/** Whether a still-valid change link exists for `token` (the GET of the link: uses nothing up). */
export async function peekEmailChange(sequelize: Sequelize, token: string): Promise<boolean> {
  return (await peekToken(sequelize, token, PURPOSE)) !== null;
}

/**
 * Uses the link once and switches the login name and the customer's contact address to the new
 * address, in the caller's transaction (the IdP ends the sessions in the same one): `invalid` for
 * an unknown, used or expired link, `failed` when the address has been taken by another account
 * meanwhile (the link is used up all the same).
 */
export async function confirmEmailChange(sequelize: Sequelize, token: string, outer: Transaction): Promise<EmailChangeOutcome> {
  try {
    // A savepoint: a unique violation must not abort the caller's transaction.
    return await sequelize.transaction({ transaction: outer }, async (transaction) => {
      const used = await consumeToken(sequelize, transaction, token, PURPOSE);
      if (!used) return { outcome: 'invalid' };
      const newEmail = typeof used.payload?.newEmail === 'string' ? normaliseEmail(used.payload.newEmail) : null;
      if (!newEmail || (await addressTaken(sequelize, transaction, newEmail, used.accountId))) return { outcome: 'failed' };
      const [before] = await sequelize.query<{ customer_id: number; username: string; email: string | null; language: Language }>(
        `select a.customer_id, a.username, c.email, c.language
           from accounts a join customers c on c.id = a.customer_id where a.id = :accountId for update of a, c`,
        { replacements: { accountId: used.accountId }, type: QueryTypes.SELECT, transaction },
      );
      if (!before) return { outcome: 'invalid' };
      await setLoginAndContact(sequelize, transaction, { accountId: used.accountId, customerId: before.customer_id, login: newEmail, contactEmail: newEmail });
      await audit(sequelize, transaction, { action: 'profile.email_changed', customerId: before.customer_id, accountId: used.accountId, clientId: null });
      return {
        outcome: 'changed',
        accountId: used.accountId,
        customerId: before.customer_id,
        language: before.language,
        newEmail,
        previous: { login: before.username, contactEmail: before.email },
      };
    });
  } catch (error) {
    // Taken by a concurrent change between the check and the update (the unique index refused it).
    if (error instanceof UniqueConstraintError) return { outcome: 'failed' };
    throw error;
  }
}

/** The undo link's payload: what the confirmed change replaced. */
export interface EmailChangeUndoPayload {
  previousLogin: string;
  previousContactEmail: string | null;
}

/**
 * Puts back the login and the contact address an e-mail change replaced (the undo link sent to
 * the previous address), in the caller's transaction: `failed` when another account has taken the
 * previous address meanwhile. The IdP ends every session and expires every link in the same transaction.
 */
export async function undoEmailChange(sequelize: Sequelize, token: string, outer: Transaction): Promise<EmailChangeUndoOutcome> {
  try {
    return await sequelize.transaction({ transaction: outer }, async (transaction) => {
      const used = await consumeToken(sequelize, transaction, token, 'undo_email_change');
      if (!used) return { outcome: 'invalid' };
      const login = typeof used.payload?.previousLogin === 'string' ? normaliseEmail(used.payload.previousLogin) : null;
      const contact = typeof used.payload?.previousContactEmail === 'string' ? used.payload.previousContactEmail : null;
      if (!login || (await addressTaken(sequelize, transaction, login, used.accountId))) return { outcome: 'failed' };
      const [account] = await sequelize.query<{ customer_id: number; language: Language }>(
        `select a.customer_id, c.language from accounts a join customers c on c.id = a.customer_id where a.id = :accountId`,
        { replacements: { accountId: used.accountId }, type: QueryTypes.SELECT, transaction },
      );
      if (!account) return { outcome: 'invalid' };
      await setLoginAndContact(sequelize, transaction, { accountId: used.accountId, customerId: account.customer_id, login, contactEmail: contact });
      await audit(sequelize, transaction, {
        action: 'profile.email_change_undone',
        customerId: account.customer_id,
        accountId: used.accountId,
        clientId: null,
      });
      return { outcome: 'restored', accountId: used.accountId, customerId: account.customer_id, language: account.language, login };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) return { outcome: 'failed' };
    throw error;
  }
}

async function setLoginAndContact(
  sequelize: Sequelize,
  transaction: Transaction,
  to: { accountId: string; customerId: number; login: string; contactEmail: string | null },
): Promise<void> {
  await sequelize.query(`update accounts set username = :login, email_verified_at = now(), updated_at = now() where id = :accountId`, {
    replacements: { login: to.login, accountId: to.accountId },
    transaction,
  });
  await sequelize.query(`update customers set email = :email, updated_at = now() where id = :customerId`, {
    replacements: { email: to.contactEmail, customerId: to.customerId },
    transaction,
  });
}

async function addressTaken(sequelize: Sequelize, transaction: Transaction | null, email: string, exceptAccountId: string): Promise<boolean> {
  const rows = await sequelize.query<{ id: string }>(`select id from accounts where lower(username) = :email and id <> :exceptAccountId`, {
    replacements: { email, exceptAccountId },
    type: QueryTypes.SELECT,
    transaction,
  });
  return rows.length > 0;
}

async function audit(
  sequelize: Sequelize,
  transaction: Transaction,
  event: {
    action: 'profile.email_change_requested' | 'profile.email_changed' | 'profile.email_change_undone';
    customerId: number;
    accountId: string;
    clientId: string | null;
  },
): Promise<void> {
  await insertRows(
    sequelize,
    transaction,
    'audit_events',
    ['actor_type', 'actor_id', 'customer_id', 'action', 'subject_type', 'subject_id', 'client_id', 'metadata'] as const,
    [['customer', event.accountId, event.customerId, event.action, 'account', event.accountId, event.clientId, '{}']],
    { casts: { metadata: 'jsonb' } },
  );
}
