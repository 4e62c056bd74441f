import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../../kernel/domain-error.ts';
import { getPayment, startPayment } from '../../domain/payments/payments.ts';
import { handleWebhook } from '../../domain/payments/webhook.ts';
import { cancelPayment } from '../../domain/payments/cancel-payment.ts';
import { listInvoices, outstandingTotal } from '../../domain/payments/invoices.ts';
import { ProblemError } from '../../../common/http/problem.ts';
import type { ApiEnv } from '../auth/principal.ts';
import { principalOf } from '../auth/principal.ts';
import { requireCustomer } from '../auth/require-customer.ts';
import type { ResourceDeps } from '../resource-deps.ts';
import { guard, resourceRouter } from '../resource-router.ts';
import { invoiceScopeOf } from './scope.ts';
import { IdempotencyHeaders, InvoicePage, InvoiceQuery, Payment, PaymentParams, StartPaymentBody, StartedPayment, WebhookAck } from './schemas.ts';
import { problem } from '../problem-schema.ts';
import { SECURITY } from '../shared-schemas.ts';
import { limitBody } from '../../../common/http/body-limit.ts';

/**
 * Invoices and payments: `GET /invoices` (with the outstanding premium), `POST /payments` (start
 * paying invoices on the provider's hosted page; `Idempotency-Key` required), `GET /payments/{id}`
 * (status polling after the browser comes back), and the provider's webhook
 * `POST /payments/webhooks/demo`, the one route here without a customer (the signature is its
 * authentication). The domain services (server/domain/payments) decide; their refusals become
 * problem documents.
 */
const tags = ['Payments'];
const NO_STORE = { 'Cache-Control': 'no-store' } as const;
const WEBHOOK_PATH = '/payments/webhooks/demo';

const listInvoicesRoute = createRoute({
  method: 'get',
  path: '/invoices',
  tags,
  security: SECURITY,
  summary: "The customer's invoices (díjbekérők) and outstanding premium",
  request: { query: InvoiceQuery },
  responses: {
    200: { description: 'One page of invoices, and the outstanding total (open + overdue)', content: { 'application/json': { schema: InvoicePage } } },
    400: problem('Invalid query'),
    401: problem('Not logged in'),
  },
});

const startPaymentRoute = createRoute({
  method: 'post',
  path: '/payments',
  tags,
  security: SECURITY,
  summary: 'Start paying invoices on the hosted payment page',
  middleware: [limitBody(16 * 1024)] as const,
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'application/json': { schema: StartPaymentBody } } },
  },
  responses: {
    201: { description: 'A new payment: send the browser to redirectUrl', content: { 'application/json': { schema: StartedPayment } } },
    200: { description: 'The payment an earlier request with this Idempotency-Key started', content: { 'application/json': { schema: StartedPayment } } },
    400: problem('Invalid request (missing Idempotency-Key, invalid body)'),
    401: problem('Not logged in'),
    404: problem('invoice_not_found: no such invoice of the customer'),
    409: problem('invoice_already_paid, invoice_payment_pending, idempotency_key_reused'),
    413: problem('Body too large'),
    422: problem('return_url_not_allowed and other refusals'),
    503: problem('payment_provider_unavailable'),
  },
});

const getPaymentRoute = createRoute({
  method: 'get',
  path: '/payments/{id}',
  tags,
  security: SECURITY,
  summary: "A payment's status (polling after the hosted page)",
  request: { params: PaymentParams },
  responses: {
    200: { description: 'The payment', content: { 'application/json': { schema: Payment } } },
    401: problem('Not logged in'),
    404: problem('payment_not_found'),
  },
});

const cancelPaymentRoute = createRoute({
  method: 'post',
  path: '/payments/{id}/cancel',
  tags,
  security: SECURITY,
  summary: 'Give up a payment still waiting for the provider: its invoices can be paid again at once',
  middleware: [limitBody(1024)] as const,
  request: { params: PaymentParams },
  responses: {
    200: { description: 'The cancelled payment (also when it was cancelled already)', content: { 'application/json': { schema: Payment } } },
    401: problem('Not logged in'),
    404: problem('payment_not_found'),
    409: problem('payment_not_pending: it succeeded or failed meanwhile'),
  },
});

const webhookRoute = createRoute({
  method: 'post',
  path: WEBHOOK_PATH,
  tags,
  security: [],
  summary: "The demo payment provider's signed webhook (server to server)",
  description: 'The raw body is verified against the `Gp-Signature` header (HMAC-SHA256 with the shared secret); an event is applied at most once.',
  middleware: [limitBody(64 * 1024)] as const,
  responses: {
    200: { description: 'Applied, a duplicate, or ignored (already final)', content: { 'application/json': { schema: WebhookAck } } },
    400: problem('webhook_rejected: bad signature, stale, unreadable, or an amount mismatch'),
    404: problem('payment_not_found: the event names no known payment (the provider may retry)'),
    503: problem('payment_busy'),
  },
});

/** The customer guard on `/payments/*`, except the provider's webhook. */
function customerExceptWebhook(auth: MiddlewareHandler<ApiEnv>): MiddlewareHandler<ApiEnv> {
  const customer = requireCustomer();
  return async function paymentsGuard(c, next) {
    if (c.req.path.endsWith(WEBHOOK_PATH)) return next();
    return auth(c, async () => {
      await customer(c, next);
    });
  };
}

export function paymentRoutes(deps: ResourceDeps): OpenAPIHono<ApiEnv> {
  const { ctx } = deps.payments;
  const { sequelize } = deps;
  const router = resourceRouter();
  guard(router, deps.auth, '/invoices');
  // `/payments/*` also matches `/payments` itself (Hono), so this one guard covers both.
  router.use('/payments/*', customerExceptWebhook(deps.auth));

  router.openapi(listInvoicesRoute, async (c) => {
    const principal = principalOf(c);
    const query = c.req.valid('query');
    const scope = await invoiceScopeOf(sequelize, principal);
    const page = await listInvoices(ctx, principal.customerId, { ...scope, status: query.status, page: query.page, pageSize: query.pageSize });
    const outstanding = await outstandingTotal(ctx, principal.customerId, scope);
    return c.json({ ...page, outstanding }, 200, NO_STORE);
  });

  router.openapi(startPaymentRoute, async (c) => {
    const principal = principalOf(c);
    const body = c.req.valid('json');
    const idempotencyKey = c.req.valid('header')['idempotency-key'];
    const scope = await invoiceScopeOf(sequelize, principal);
    const result = await startPayment(ctx, {
      ...scope,
      customerId: principal.customerId,
      invoiceIds: body.invoiceIds,
      idempotencyKey,
      clientId: principal.clientId,
      returnUrl: body.returnUrl,
      cancelUrl: body.cancelUrl,
      ...(body.language ? { language: body.language } : {}),
    });
    const payload = { paymentId: result.paymentId, status: result.status, amountHuf: result.amountHuf, redirectUrl: result.redirectUrl };
    if (result.replayed) return c.json(payload, 200, NO_STORE);
    return c.json(payload, 201, { ...NO_STORE, Location: new URL(`/api/payments/${result.paymentId}`, deps.publicUrl).href });
  });

  router.openapi(getPaymentRoute, async (c) => {
    const principal = principalOf(c);
    const scope = await invoiceScopeOf(sequelize, principal);
    const view = await getPayment(ctx, principal.customerId, c.req.valid('param').id, scope);
    return c.json(view, 200, NO_STORE);
  });

  router.openapi(cancelPaymentRoute, async (c) => {
    const principal = principalOf(c);
    const scope = await invoiceScopeOf(sequelize, principal);
    const view = await cancelPayment(ctx, { customerId: principal.customerId, paymentId: c.req.valid('param').id, clientId: principal.clientId, scope });
    return c.json(view, 200, NO_STORE);
  });

  router.openapi(webhookRoute, async (c) => {
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    let result;
    try {
      result = await handleWebhook(ctx, rawBody, c.req.raw.headers);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'webhook_rejected') {
        deps.logger.warn('payment_webhook_rejected', { provider: ctx.provider.name, reason: error.message });
        throw new ProblemError(400, 'webhook_rejected', 'The webhook was refused', { detail: error.message });
      }
      throw error;
    }
    if (result.outcome === 'rejected') {
      deps.logger.warn('payment_webhook_rejected', { provider: ctx.provider.name, reason: result.reason, paymentId: result.paymentId });
      throw new ProblemError(400, 'webhook_rejected', 'The webhook was refused', { detail: result.reason });
    }
    return c.json({ received: true as const, outcome: result.outcome }, 200, NO_STORE);
  });

  return router;
}

export { createPaymentProvider } from './payment-provider.ts';
