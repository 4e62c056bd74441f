import { Hono } from 'hono';
import { QueryTypes, type Sequelize } from 'sequelize';
import { expect } from 'vitest';
import { DomainError, type DomainErrorKind } from '../../../../server/kernel/domain-error.ts';
import type { PaymentContext } from '../../../../server/domain/payments/context.ts';
import { handleWebhook, type WebhookResult } from '../../../../server/domain/payments/webhook.ts';
import { DemoPaymentProvider } from '../../../../server/payment-providers/demo/demo-provider.ts';
import { demoPaymentPageRoutes } from '../../../../server/payment-providers/demo/routes.ts';
import { DEMO_LOGINS } from '../../../../server/seed/demo-logins.ts';

/**
 * The payment tests' wiring: the demo provider on a seeded (or bare) database, the domain
 * context, the hosted page mounted at /pay/demo, and a log of the webhooks the page delivered.
 */
export const SECRET = 'whsec_test_0123456789abcdef0123456789abcdef';
/** The seed's portal origin (its `portal` partner client is registered for it). */
export const publicUrl = new URL('http://localhost:3000');
export const BROKER_ORIGIN = 'http://127.0.0.1:3001';

export interface Delivery {
  rawBody: string;
  headers: Record<string, string>;
  result?: WebhookResult;
  error?: unknown;
}

export interface Harness {
  provider: DemoPaymentProvider;
  ctx: PaymentContext;
  app: Hono;
  deliveries: Delivery[];
  /** While false, the page records webhooks without handing them to the portal (to replay them by hand). */
  deliver: boolean;
  /** Moves the portal's clock (the provider keeps the real one). */
  shiftMinutes: number;
}

export function createHarness(sequelize: Sequelize): Harness {
  const provider = new DemoPaymentProvider({ secret: SECRET, sequelize, publicUrl });
  const harness: Harness = {
    provider,
    ctx: { sequelize, provider, publicUrl, now: () => new Date(Date.now() + harness.shiftMinutes * 60_000) },
    app: new Hono(),
    deliveries: [],
    deliver: true,
    shiftMinutes: 0,
  };
  harness.app.route(
    '/pay/demo',
    demoPaymentPageRoutes({
      provider,
      publicOrigin: publicUrl.origin,
      deliverWebhook: async (rawBody, headers) => {
        const delivery: Delivery = { rawBody, headers };
        harness.deliveries.push(delivery);
        if (!harness.deliver) return;
        try {
          delivery.result = await handleWebhook(harness.ctx, rawBody, headers);
        } catch (error) {
          delivery.error = error;
          throw error;
        }
      },
    }),
  );
  return harness;
}

/** The path of a hosted-page URL, to request it from the Hono app. */
export const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

export function postForm(app: Hono, path: string, fields: Record<string, string>, origin: string | null = publicUrl.origin) {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (origin) headers.Origin = origin;
  return app.request(path, { method: 'POST', headers, body: new URLSearchParams(fields).toString() });
}

export const GOOD_CARD = { card_number: '4242 4242 4242 4242', expiry: '12/39', cvc: '123', action: 'pay' };
export const DECLINED_CARD = { card_number: '4000 0000 0000 0002', expiry: '12/39', cvc: '123', action: 'pay' };
export const CANCEL = { action: 'cancel' };

export async function rows<T extends object>(sequelize: Sequelize, sql: string, bind: unknown[] = []): Promise<T[]> {
  return sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT });
}

export async function count(sequelize: Sequelize, sql: string, bind: unknown[] = []): Promise<number> {
  const [row] = await rows<{ n: string }>(sequelize, `select count(*) as n from (${sql}) x`, bind);
  return Number(row?.n ?? 0);
}

/** Row counts of every table a payment can write, to prove that a refusal wrote nothing. */
export async function footprint(sequelize: Sequelize): Promise<Record<string, number>> {
  const tables = ['payments', 'payment_invoices', 'payment_webhook_events', 'documents', 'notifications', 'demo_payment_checkouts'];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = await count(sequelize, `select 1 from ${table}`);
  out.paidInvoices = await count(sequelize, `select 1 from invoices where status = 'paid'`);
  out.nonPendingPayments = await count(sequelize, `select 1 from payments where status <> 'pending'`);
  return out;
}

export async function expectRefusal(promise: Promise<unknown>, code: string, kind: DomainErrorKind): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected a refusal ${code}`).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  expect((error as DomainError).kind).toBe(kind);
  return error as DomainError;
}

export interface OpenInvoice {
  id: number;
  invoiceNumber: string;
  amountHuf: number;
  policyId: number;
  policyNumber: string;
  dueDate: string;
}

/** Open invoices of a customer, oldest due first. */
export async function openInvoicesOf(sequelize: Sequelize, customerId: number): Promise<OpenInvoice[]> {
  const found = await rows<{ id: number; invoice_number: string; amount_huf: number; policy_id: number; policy_number: string; due_date: string }>(
    sequelize,
    `select i.id, i.invoice_number, i.amount_huf, i.policy_id, p.policy_number, to_char(i.due_date, 'YYYY-MM-DD') as due_date
       from invoices i join policies p on p.id = i.policy_id
      where i.customer_id = $1 and i.status = 'open' order by i.due_date, i.id`,
    [customerId],
  );
  return found.map((r) => ({
    id: Number(r.id),
    invoiceNumber: r.invoice_number,
    amountHuf: Number(r.amount_huf),
    policyId: Number(r.policy_id),
    policyNumber: r.policy_number,
    dueDate: r.due_date,
  }));
}

/**
 * Customers with e-mail and at least `n` open invoices (not the demo person, whom a test pays
 * for on purpose), each handed out once per test file, so tests never share invoices.
 */
export function customerPicker(sequelize: () => Sequelize) {
  const used = new Set<number>();
  return async (n: number, options: { exclude?: number[] } = {}): Promise<{ customerId: number; invoices: OpenInvoice[] }> => {
    const candidates = await rows<{ id: number }>(
      sequelize(),
      `select c.id from customers c
        where c.email is not null and c.customer_number <> $2
          and (select count(*) from invoices i where i.customer_id = c.id and i.status = 'open') >= $1
          and not exists (select 1 from payments p where p.customer_id = c.id)
        order by c.id`,
      [n, DEMO_LOGINS.person.customerNumber],
    );
    const pick = candidates.map((c) => Number(c.id)).find((id) => !used.has(id) && !(options.exclude ?? []).includes(id));
    if (pick === undefined) throw new Error(`no unused customer with ${n} open invoices left in the seed`);
    used.add(pick);
    return { customerId: pick, invoices: await openInvoicesOf(sequelize(), pick) };
  };
}

let keys = 0;
export const newKey = () => `test-key-${Date.now()}-${++keys}`;
