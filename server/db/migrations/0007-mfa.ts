import type { Migration } from '../migration.ts';

/**
 * Account security (issue 16), the IdP's tables:
 * - `passkeys`: WebAuthn credentials (discoverable), their public key (COSE), signature counter,
 *   the name the customer gave, and last use;
 * - `webauthn_challenges`: a challenge waits here between the options and the answer (any
 *   process may get the answer), used once, swept after `expires_at`;
 * - `two_step`: the TOTP secret (encrypted at rest; the row exists while enrolling, `enabled_at`
 *   says it is on) and the last time step used, so no code is accepted twice;
 * - `recovery_codes`: SHA-256 of each recovery code (high-entropy, so a plain hash suffices), single-use;
 * - `login_second_steps`: a log-in whose password was right and which now waits for its code,
 *   per interaction (any process may get the code), gone once used or expired.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql(`
    create table passkeys (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts(id) on delete cascade,
      credential_id text not null unique check (credential_id ~ '^[A-Za-z0-9_-]+$' and length(credential_id) between 16 and 1366),
      public_key bytea not null,
      counter bigint not null default 0 check (counter >= 0),
      transports text[] not null default '{}',
      name text not null check (length(name) between 1 and 60),
      created_at timestamptz not null default now(),
      last_used_at timestamptz
    );
    create index passkeys_account_idx on passkeys (account_id, created_at);

    create table webauthn_challenges (
      id text primary key check (length(id) between 16 and 64),
      purpose text not null check (purpose in ('register', 'login')),
      account_id uuid references accounts(id) on delete cascade,
      challenge text not null,
      expires_at timestamptz not null
    );
    create index webauthn_challenges_expires_idx on webauthn_challenges (expires_at);

    create table two_step (
      account_id uuid primary key references accounts(id) on delete cascade,
      secret_sealed text not null,
      enabled_at timestamptz,
      last_used_step bigint,
      created_at timestamptz not null default now()
    );

    create table recovery_codes (
      id bigserial primary key,
      account_id uuid not null references accounts(id) on delete cascade,
      code_hash text not null check (code_hash ~ '^[0-9a-f]{64}$'),
      used_at timestamptz,
      unique (account_id, code_hash)
    );

    create table login_second_steps (
      interaction_uid text primary key check (length(interaction_uid) between 1 and 64),
      account_id uuid not null references accounts(id) on delete cascade,
      expires_at timestamptz not null
    );
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql(`
    drop table if exists login_second_steps;
    drop table if exists recovery_codes;
    drop table if exists two_step;
    drop table if exists webauthn_challenges;
    drop table if exists passkeys;
  `);
};
