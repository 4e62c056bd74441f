import type { Migration } from '../migration.ts';

/**
 * A broker's contact for its customers (the overview shows it on the broker's site): all optional,
 * since a broker may want its customers to reach it only through its own site.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql(`
    alter table brokers
      add column phone text check (phone is null or phone ~ '^\\+[0-9 ]{7,20}$'),
      add column email text check (email is null or (length(email) <= 254 and email like '%_@_%')),
      add column website text check (website is null or (length(website) <= 200 and website like 'https://%'));
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql(`alter table brokers drop column if exists phone, drop column if exists email, drop column if exists website;`);
};
