import type { Migration } from '../migration.ts';

/**
 * Key-bound browser sessions (DPoP, RFC 9449) instead of the partitioned session cookie:
 * - a session row keeps the JWK SHA-256 thumbprint of the key its handle is bound to (null on a
 *   login ticket, which is not yet bound);
 * - the `jti` of every write's proof is kept until it can no longer be fresh, so that no write's
 *   proof is accepted twice by any process; rows past `expires_at` are swept.
 * Cookie sessions opened before this migration can never present a proof: they are deleted.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql(`
    delete from bff_sessions where tokens->>'stage' = 'session';
    alter table bff_sessions add column dpop_jkt text
      check (dpop_jkt is null or dpop_jkt ~ '^[A-Za-z0-9_-]{43}$');

    create table dpop_proof_jtis (
      jkt text not null,
      jti text not null check (length(jti) between 1 and 128),
      expires_at timestamptz not null,
      primary key (jkt, jti)
    );
    create index dpop_proof_jtis_expires_idx on dpop_proof_jtis (expires_at);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql(`
    drop table if exists dpop_proof_jtis;
    alter table bff_sessions drop column if exists dpop_jkt;
  `);
};
