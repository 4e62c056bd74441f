import type { Migration } from '../migration.ts';

/**
 * The whole domain of DESIGN §3 in one first migration.
 *
 * Conventions: snake_case tables and columns; money is whole forints (`*_huf integer`,
 * HUF has no minor unit in use); "overdue" is not stored — it is an open invoice whose due
 * date has passed, so it can never disagree with the calendar.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql(`
    create table brokers (
      id serial primary key,
      code text not null unique check (code ~ '^[A-Z0-9]{3,12}$'),
      name text not null,
      created_at timestamptz not null default now()
    );

    -- Each broker partner is an OIDC client; the insurer's own portal is one more (broker_id null).
    create table partner_clients (
      client_id text primary key check (client_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      broker_id integer references brokers(id) on delete restrict,
      display_name text not null,
      logo_url text,
      origins text[] not null default '{}',
      redirect_uris text[] not null default '{}',
      post_logout_redirect_uris text[] not null default '{}',
      policy_scope text not null check (policy_scope in ('broker', 'all')),
      client_secret text,
      metadata jsonb not null default '{}',
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (policy_scope = 'all' or broker_id is not null)
    );
    create index partner_clients_broker_idx on partner_clients (broker_id);

    create table customers (
      id serial primary key,
      customer_number text not null unique check (customer_number ~ '^[0-9]{8}$'),
      kind text not null check (kind in ('person', 'company')),
      name text not null,
      birth_date date,
      tax_number text unique check (tax_number ~ '^[0-9]{8}-[1-5]-[0-9]{2}$'),
      postcode text not null check (postcode ~ '^[1-9][0-9]{3}$'),
      city text not null,
      address_line text not null,
      correspondence_address jsonb,
      email text,
      phone text,
      language text not null default 'hu' check (language in ('hu', 'en')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((kind = 'person' and birth_date is not null and tax_number is null)
          or (kind = 'company' and tax_number is not null and birth_date is null))
    );

    create table accounts (
      id uuid primary key default gen_random_uuid(),
      customer_id integer not null unique references customers(id) on delete cascade,
      username text not null,
      password_hash text not null,
      email_verified_at timestamptz,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      password_changed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index accounts_username_idx on accounts (lower(username));

    -- Single-use links (e-mail verification, password reset, e-mail change); only the hash is kept.
    create table account_tokens (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts(id) on delete cascade,
      purpose text not null check (purpose in ('verify_email', 'reset_password', 'change_email')),
      token_hash text not null unique,
      payload jsonb not null default '{}',
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index account_tokens_account_idx on account_tokens (account_id, purpose);

    create table policies (
      id serial primary key,
      policy_number text not null unique,
      customer_id integer not null references customers(id) on delete restrict,
      broker_id integer references brokers(id) on delete restrict,
      product text not null check (product in ('kgfb', 'casco', 'home', 'travel')),
      status text not null check (status in ('active', 'cancelled')),
      start_date date not null,
      end_date date,
      cancelled_at date,
      cancel_reason text,
      annual_premium_huf integer not null check (annual_premium_huf >= 0),
      payment_frequency text not null check (payment_frequency in ('annual', 'semiannual', 'quarterly', 'monthly')),
      payment_method text not null check (payment_method in ('bank_transfer', 'direct_debit', 'card', 'postal_cheque')),
      insured_object jsonb not null,
      correspondence_address jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'cancelled') = (cancelled_at is not null))
    );
    create index policies_customer_status_idx on policies (customer_id, status, start_date desc);
    create index policies_broker_idx on policies (broker_id, customer_id);
    create index policies_product_active_idx on policies (product) where status = 'active';

    create table change_requests (
      id uuid primary key default gen_random_uuid(),
      policy_id integer not null references policies(id) on delete cascade,
      customer_id integer not null references customers(id) on delete cascade,
      kind text not null check (kind in ('payment_method', 'payment_frequency', 'correspondence_address')),
      old_value jsonb,
      new_value jsonb not null,
      status text not null check (status in ('applied', 'pending', 'rejected')),
      client_id text references partner_clients(client_id) on delete set null,
      created_at timestamptz not null default now(),
      decided_at timestamptz
    );
    create index change_requests_policy_idx on change_requests (policy_id, created_at desc);
    create index change_requests_pending_idx on change_requests (created_at) where status = 'pending';

    create table invoices (
      id serial primary key,
      invoice_number text not null unique,
      policy_id integer not null references policies(id) on delete restrict,
      customer_id integer not null references customers(id) on delete restrict,
      period_start date not null,
      period_end date not null,
      amount_huf integer not null check (amount_huf > 0),
      due_date date not null,
      status text not null check (status in ('open', 'paid', 'cancelled')),
      paid_at timestamptz,
      created_at timestamptz not null default now(),
      check ((status = 'paid') = (paid_at is not null))
    );
    create index invoices_customer_idx on invoices (customer_id, status, due_date);
    create index invoices_policy_idx on invoices (policy_id, due_date desc);

    create table payments (
      id uuid primary key default gen_random_uuid(),
      customer_id integer not null references customers(id) on delete restrict,
      provider text not null,
      provider_reference text,
      idempotency_key text not null,
      amount_huf integer not null check (amount_huf > 0),
      status text not null check (status in ('pending', 'succeeded', 'declined', 'cancelled', 'failed')),
      client_id text references partner_clients(client_id) on delete set null,
      created_at timestamptz not null default now(),
      completed_at timestamptz,
      unique (customer_id, idempotency_key),
      unique (provider, provider_reference)
    );
    create index payments_customer_idx on payments (customer_id, created_at desc);

    create table payment_invoices (
      payment_id uuid not null references payments(id) on delete cascade,
      invoice_id integer not null references invoices(id) on delete restrict,
      amount_huf integer not null check (amount_huf > 0),
      primary key (payment_id, invoice_id)
    );
    create index payment_invoices_invoice_idx on payment_invoices (invoice_id);

    create table claims (
      id serial primary key,
      claim_number text not null unique,
      policy_id integer not null references policies(id) on delete restrict,
      customer_id integer not null references customers(id) on delete restrict,
      claim_type text not null,
      occurred_at timestamptz not null,
      place text not null,
      description text not null,
      estimated_damage_huf integer check (estimated_damage_huf >= 0),
      other_party jsonb,
      contact_preference text not null default 'email' check (contact_preference in ('email', 'phone', 'post')),
      status text not null check (status in ('received', 'in_review', 'approved', 'rejected', 'paid', 'closed')),
      client_id text references partner_clients(client_id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index claims_customer_idx on claims (customer_id, created_at desc);
    create index claims_policy_idx on claims (policy_id);

    create table claim_status_history (
      id bigserial primary key,
      claim_id integer not null references claims(id) on delete cascade,
      status text not null,
      note text,
      created_at timestamptz not null default now()
    );
    create index claim_status_history_claim_idx on claim_status_history (claim_id, created_at);

    create table claim_attachments (
      id uuid primary key default gen_random_uuid(),
      claim_id integer not null references claims(id) on delete cascade,
      filename text not null,
      content_type text not null,
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea not null,
      created_at timestamptz not null default now()
    );
    create index claim_attachments_claim_idx on claim_attachments (claim_id);

    -- The mailbox (Levelezés). Content is immutable once issued (trigger below).
    create table documents (
      id uuid primary key default gen_random_uuid(),
      customer_id integer not null references customers(id) on delete restrict,
      policy_id integer references policies(id) on delete restrict,
      type text not null,
      title text not null,
      filename text not null,
      content_type text not null default 'application/pdf',
      content bytea not null,
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      source text not null check (source in ('seed', 'system', 'operations', 'request')),
      issued_at timestamptz not null default now(),
      read_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index documents_customer_idx on documents (customer_id, issued_at desc);
    create index documents_unread_idx on documents (customer_id) where read_at is null;
    create index documents_policy_idx on documents (policy_id);

    create function documents_keep_content() returns trigger language plpgsql as $$
    begin
      if new.content is distinct from old.content or new.sha256 is distinct from old.sha256
         or new.type is distinct from old.type or new.customer_id is distinct from old.customer_id
         or new.issued_at is distinct from old.issued_at then
        raise exception 'documents are immutable once issued' using errcode = '23514';
      end if;
      return new;
    end $$;
    create trigger documents_immutable before update on documents
      for each row execute function documents_keep_content();

    create table document_requests (
      id uuid primary key default gen_random_uuid(),
      customer_id integer not null references customers(id) on delete restrict,
      policy_id integer references policies(id) on delete restrict,
      type text not null,
      status text not null check (status in ('pending', 'fulfilled', 'failed')),
      document_id uuid references documents(id) on delete set null,
      client_id text references partner_clients(client_id) on delete set null,
      created_at timestamptz not null default now(),
      fulfilled_at timestamptz
    );
    create index document_requests_customer_idx on document_requests (customer_id, created_at desc);

    -- Transactional outbox: written in the same transaction as its cause, sent by a worker.
    create table notifications (
      id uuid primary key default gen_random_uuid(),
      customer_id integer references customers(id) on delete set null,
      to_address text not null,
      template text not null,
      language text not null default 'hu' check (language in ('hu', 'en')),
      data jsonb not null default '{}',
      message_id text not null unique,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      sent_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index notifications_due_idx on notifications (next_attempt_at) where status = 'pending';
    create index notifications_customer_idx on notifications (customer_id, created_at desc);

    create table audit_events (
      id bigserial primary key,
      occurred_at timestamptz not null default now(),
      actor_type text not null check (actor_type in ('customer', 'operator', 'system')),
      actor_id text,
      customer_id integer references customers(id) on delete set null,
      action text not null,
      subject_type text,
      subject_id text,
      client_id text,
      metadata jsonb not null default '{}'
    );
    create index audit_events_customer_idx on audit_events (customer_id, occurred_at desc);
    create index audit_events_subject_idx on audit_events (subject_type, subject_id);

    -- oidc-provider's adapter: one table for every model it persists.
    create table oidc_models (
      model text not null,
      id text not null,
      payload jsonb not null,
      grant_id text,
      user_code text,
      uid text,
      expires_at timestamptz,
      consumed_at timestamptz,
      primary key (model, id)
    );
    create index oidc_models_grant_idx on oidc_models (grant_id) where grant_id is not null;
    create index oidc_models_uid_idx on oidc_models (uid) where uid is not null;
    create index oidc_models_user_code_idx on oidc_models (user_code) where user_code is not null;
    create index oidc_models_expires_idx on oidc_models (expires_at);

    -- The API's (BFF's) sessions and pending logins; the browser holds only an opaque id whose hash is the key.
    create table bff_sessions (
      id_hash text primary key,
      customer_id integer not null references customers(id) on delete cascade,
      client_id text not null references partner_clients(client_id) on delete cascade,
      tokens jsonb not null,
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now()
    );
    create index bff_sessions_customer_idx on bff_sessions (customer_id);
    create index bff_sessions_expires_idx on bff_sessions (expires_at);

    create table bff_login_states (
      state_hash text primary key,
      client_id text not null references partner_clients(client_id) on delete cascade,
      code_verifier text not null,
      nonce text not null,
      mode text not null check (mode in ('popup', 'redirect')),
      return_to text,
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    );
    create index bff_login_states_expires_idx on bff_login_states (expires_at);

    -- Fixed-window throttling counters shared by every process.
    create table rate_limits (
      key text primary key,
      hits integer not null,
      reset_at timestamptz not null
    );
    create index rate_limits_reset_idx on rate_limits (reset_at);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql(`
    drop table if exists rate_limits, bff_login_states, bff_sessions, oidc_models, audit_events,
      notifications, document_requests, documents, claim_attachments, claim_status_history, claims,
      payment_invoices, payments, invoices, change_requests, policies, account_tokens, accounts,
      customers, partner_clients, brokers cascade;
    drop function if exists documents_keep_content();
  `);
};
