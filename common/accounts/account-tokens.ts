import { createHash, randomBytes } from 'node:crypto';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/**
 * Single-use links (e-mail verification, password reset, e-mail change and its undo): 32 random bytes, base64url, sent in
 * the e-mail; only their SHA-256 is stored. A token is looked up by its hash (an index lookup
 * on a value the attacker cannot steer, so no timing oracle on the token), and consumed with
 * one conditional UPDATE, so two concurrent clicks cannot both succeed. A token may carry a small
 * JSON payload (the e-mail change: the new address).
 */
export type TokenPurpose = 'verify_email' | 'reset_password' | 'change_email' | 'undo_email_change';

export const TOKEN_TTL_SECONDS: Record<TokenPurpose, number> = {
  verify_email: 24 * 3600,
  reset_password: 3600,
  change_email: 24 * 3600,
  undo_email_change: 72 * 3600,
};

/**
 * What whoever controls the account's login can use: a password reset or change, and an e-mail
 * change, expire them all. The undo link is not among them: it went to the previous address, so
 * that its owner can take the account back from whoever changed the address; the new login must
 * not be able to cancel it (by a reset, or by another change).
 */
export const LOGIN_TOKEN_PURPOSES = ['verify_email', 'reset_password', 'change_email'] as const satisfies readonly TokenPurpose[];

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/**
 * A new token for `accountId` (null: nobody, the same work and no row, so that a page which may
 * or may not send a link takes the same time either way); any older unused one of the same purpose stops working at once
 * (only the newest link in the customer's mailbox is valid). Undo links are the exception: each
 * went to a different earlier address, and a newer change must not cancel an older undo.
 */
export async function issueToken(
  sequelize: Sequelize,
  transaction: Transaction,
  accountId: string | null,
  purpose: TokenPurpose,
  payload: Record<string, unknown> = {},
): Promise<IssuedToken> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + TOKEN_TTL_SECONDS[purpose] * 1000);
  if (purpose !== 'undo_email_change') await expireAccountTokens(sequelize, transaction, accountId, [purpose]);
  // For nobody (`accountId` null) the same statements run and change no row.
  await sequelize.query(
    `insert into account_tokens (account_id, purpose, token_hash, payload, expires_at)
     select cast(:accountId as uuid), :purpose, :hash, cast(:payload as jsonb), :expiresAt where cast(:accountId as uuid) is not null`,
    { replacements: { accountId, purpose, hash: hashToken(token), payload: JSON.stringify(payload), expiresAt }, transaction },
  );
  return { token, expiresAt };
}

/** Every unused token of `accountId` of these purposes stops working at once. */
export async function expireAccountTokens(
  sequelize: Sequelize,
  transaction: Transaction,
  accountId: string | null,
  purposes: readonly TokenPurpose[],
): Promise<void> {
  await sequelize.query(
    `update account_tokens set expires_at = least(expires_at, now())
      where account_id = :accountId and purpose in (:purposes) and used_at is null`,
    { replacements: { accountId, purposes: [...purposes] }, transaction },
  );
}

/** The account a still-valid token belongs to, without using it up (the GET of a link). */
export async function peekToken(sequelize: Sequelize, token: string, purpose: TokenPurpose): Promise<{ accountId: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await sequelize.query<{ account_id: string }>(
    `select account_id from account_tokens
      where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > now()`,
    { replacements: { hash: hashToken(token), purpose }, type: QueryTypes.SELECT },
  );
  return row ? { accountId: row.account_id } : null;
}

/** Uses the token up; null when it is unknown, used or expired. */
export async function consumeToken(
  sequelize: Sequelize,
  transaction: Transaction,
  token: string,
  purpose: TokenPurpose,
): Promise<{ accountId: string; payload: Record<string, unknown> } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await sequelize.query<{ account_id: string; payload: Record<string, unknown> }>(
    `update account_tokens set used_at = now()
      where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > now()
      returning account_id, payload`,
    { replacements: { hash: hashToken(token), purpose }, type: QueryTypes.SELECT, transaction },
  );
  return row ? { accountId: row.account_id, payload: row.payload } : null;
}
