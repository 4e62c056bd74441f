import type { Migration } from '../migration.ts';

/**
 * Payments at a provider (server/domain/payments, server/payments).
 *
 * - `payments` learns where to send the browser (the provider's hosted page), until when a
 *   pending payment blocks its invoices, the receipt it produced, and how much of it must be
 *   refunded because an invoice had already been paid by another payment (never paid twice).
 * - `payment_webhook_events`: every provider event applied, keyed by the provider's event id, so
 *   a replayed or duplicated webhook is recognised and changes nothing. Written in the same
 *   transaction as the event's effects.
 * - `demo_payment_checkouts`: the built-in demo provider's own state (what a real provider keeps
 *   on its side): one row per hosted-page checkout, completed at most once.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql(`
    alter table payments
      add column redirect_url text,
      add column expires_at timestamptz,
      add column refund_due_huf integer not null default 0 check (refund_due_huf >= 0),
      add column receipt_document_id uuid references documents(id) on delete set null;
    create index payments_pending_expiry_idx on payments (expires_at) where status = 'pending';
    create index payments_refund_due_idx on payments (created_at) where refund_due_huf > 0;

    create table payment_webhook_events (
      provider text not null,
      event_id text not null check (length(event_id) between 1 and 200),
      event_type text not null,
      provider_reference text not null,
      payment_id uuid references payments(id) on delete set null,
      amount_huf integer not null,
      occurred_at timestamptz not null,
      outcome text not null check (outcome in ('received', 'applied', 'ignored', 'amount_mismatch')),
      received_at timestamptz not null default now(),
      primary key (provider, event_id)
    );
    create index payment_webhook_events_payment_idx on payment_webhook_events (payment_id);

    create table demo_payment_checkouts (
      reference text primary key,
      payment_id uuid not null,
      amount_huf integer not null check (amount_huf > 0),
      description text not null,
      return_url text not null,
      cancel_url text not null,
      status text not null default 'open' check (status in ('open', 'succeeded', 'declined', 'cancelled')),
      event jsonb,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      completed_at timestamptz,
      check ((status = 'open') = (completed_at is null))
    );
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql(`
    drop table if exists demo_payment_checkouts, payment_webhook_events;
    drop index if exists payments_refund_due_idx;
    drop index if exists payments_pending_expiry_idx;
    alter table payments
      drop column if exists receipt_document_id,
      drop column if exists refund_due_huf,
      drop column if exists expires_at,
      drop column if exists redirect_url;
  `);
};
