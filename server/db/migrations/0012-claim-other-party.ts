import type { Migration } from '../migration.ts';

/**
 * What the customer said about the other party of a motor loss (server/domain/claims/other-party.ts):
 * `known` (named in `other_party`), `unknown`, `hit_and_run` or `no_vehicle`. The claims handler
 * reads it beside `other_party`; null for claims that asked nothing about another party (home,
 * travel, a motor loss of another type) and for rows written before this migration.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql(`
    alter table claims add column other_party_situation text
      check (other_party_situation in ('known', 'unknown', 'hit_and_run', 'no_vehicle'));
    alter table claims add check (other_party is null or other_party_situation is null or other_party_situation = 'known');
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql(`alter table claims drop column if exists other_party_situation;`);
};
