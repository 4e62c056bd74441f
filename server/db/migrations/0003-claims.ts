import type { Migration } from '../migration.ts';

/**
 * What the customer-facing domain services (contract changes, claims, document requests) need
 * beyond the first migration:
 * - claim numbers (`KAR-2026-000123`) come from a sequence, so two reports at once never get
 *   the same number; a number drawn for a report that then fails is simply skipped;
 * - a claim points at its acknowledgement document (Kárbejelentés visszaigazolása);
 * - a change request says why it waited (or waits) for back-office review;
 * - a failed document request says why it failed, and the per-day throttle is an index scan.
 * Every new column is nullable, so rows written before this migration stay valid.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql(`
    create sequence claim_number_seq as bigint start with 1 increment by 1 no cycle;

    alter table claims add column acknowledgement_document_id uuid references documents(id) on delete set null;

    alter table change_requests add column review_reason text
      check (review_reason is null or review_reason ~ '^[a-z_]{1,40}$');

    alter table document_requests add column failure_reason text
      check (failure_reason is null or length(failure_reason) <= 200);
    alter table document_requests add check (failure_reason is null or status = 'failed');
    create index document_requests_policy_type_idx on document_requests (policy_id, type, created_at desc);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql(`
    drop index if exists document_requests_policy_type_idx;
    alter table document_requests drop column if exists failure_reason;
    alter table change_requests drop column if exists review_reason;
    alter table claims drop column if exists acknowledgement_document_id;
    drop sequence if exists claim_number_seq;
  `);
};
