import type { Migration } from '../migration.ts';

/**
 * The numbers of payment receipts (server/domain/payments/receipt-number.ts). They start above
 * anything the demo data numbers (its receipts count from 1), so the two never meet.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql(`create sequence receipt_number_seq start with 100001;`);
};

export const down: Migration = async ({ context: sql }) => {
  await sql(`drop sequence if exists receipt_number_seq;`);
};
