import type { Migration } from '../migration.ts';

/**
 * Devices and sessions, and step-up (issue 16):
 * - `public_id`: how the customer's session list names a session (never its handle's hash, the row's key);
 * - `device_label`: browser and OS in words, parsed from the User-Agent when the session opened
 *   (the raw header and the client's address are not kept);
 * - `auth_time`: when the customer last proved who they are for this session (the ID token's
 *   `auth_time`, at log-in and at each re-authentication); sensitive changes want it recent;
 * - `bff_login_states.reauth_of`: a log-in started to re-authenticate an existing session (its
 *   `id_hash`): its ticket refreshes that session instead of opening a new one.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql(`
    alter table bff_sessions
      add column public_id uuid not null default gen_random_uuid(),
      add column device_label text check (device_label is null or length(device_label) <= 100),
      add column auth_time timestamptz;
    create unique index bff_sessions_public_id_idx on bff_sessions (public_id);
    alter table bff_login_states add column reauth_of text;
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql(`
    alter table bff_login_states drop column if exists reauth_of;
    drop index if exists bff_sessions_public_id_idx;
    alter table bff_sessions drop column if exists public_id, drop column if exists device_label, drop column if exists auth_time;
  `);
};
