import type { Migration } from '../migration.ts';

/**
 * Account findings of the security audit (issue 15):
 * - `undo_email_change`: the single-use link the OLD address gets when an e-mail change is
 *   confirmed; it restores that address and ends every session (72 hours);
 * - `accounts.sessions_valid_after`: set by a password reset or change, an e-mail change or its
 *   undo, and a revoked grant; the API refuses access tokens issued before it (a JWT access token
 *   is not stored, so deleting rows cannot end it).
 */
export const up: Migration = async ({ context: sql }) => {
  await sql(`
    alter table account_tokens drop constraint if exists account_tokens_purpose_check;
    alter table account_tokens add constraint account_tokens_purpose_check
      check (purpose in ('verify_email', 'reset_password', 'change_email', 'undo_email_change'));
    alter table accounts add column sessions_valid_after timestamptz;
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql(`
    alter table accounts drop column if exists sessions_valid_after;
    delete from account_tokens where purpose = 'undo_email_change';
    alter table account_tokens drop constraint if exists account_tokens_purpose_check;
    alter table account_tokens add constraint account_tokens_purpose_check
      check (purpose in ('verify_email', 'reset_password', 'change_email'));
  `);
};
