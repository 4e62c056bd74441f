import type { Migration } from '../migration.ts';

/**
 * The IdP log-in session an API session came from (the ID token's `idp_session`, oidc-provider's
 * session uid), so a password change in that browser can end every API session but its own.
 * Null for sessions opened before this column: those end with the others.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql(`alter table bff_sessions add column idp_session text;`);
};

export const down: Migration = async ({ context: sql }) => {
  await sql(`alter table bff_sessions drop column if exists idp_session;`);
};
