import type { Migration } from '../migration.ts';

/**
 * Issue 15 (security audit), the payment checkout race:
 * - a payment keeps the return and cancel URLs it was started with, so a replay of its
 *   idempotency key with other URLs is refused instead of opening a second checkout (null on
 *   payments started before this migration: those compare by their invoices only);
 * - `payment_superseded_checkouts`: a checkout opened at the provider for a payment that had
 *   meanwhile got its checkout from a concurrent start. Its reference is never written over the
 *   payment's; a late success on it is money taken, so the webhook finds it here and records a
 *   refund due on the payment (`payments.refund_due_huf`, webhook outcome `refund_due`).
 */
export const up: Migration = async ({ context: sql }) => {
  await sql(`
    alter table payments
      add column return_url text,
      add column cancel_url text;

    create table payment_superseded_checkouts (
      provider text not null,
      provider_reference text not null,
      payment_id uuid not null references payments(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (provider, provider_reference)
    );
    create index payment_superseded_checkouts_payment_idx on payment_superseded_checkouts (payment_id);

    alter table payment_webhook_events drop constraint payment_webhook_events_outcome_check;
    alter table payment_webhook_events add constraint payment_webhook_events_outcome_check
      check (outcome in ('received', 'applied', 'ignored', 'amount_mismatch', 'refund_due'));
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql(`
    delete from payment_webhook_events where outcome = 'refund_due';
    alter table payment_webhook_events drop constraint payment_webhook_events_outcome_check;
    alter table payment_webhook_events add constraint payment_webhook_events_outcome_check
      check (outcome in ('received', 'applied', 'ignored', 'amount_mismatch'));
    drop table if exists payment_superseded_checkouts;
    alter table payments
      drop column if exists cancel_url,
      drop column if exists return_url;
  `);
};
