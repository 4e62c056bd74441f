import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import * as oidc from 'openid-client';
import { useTestDatabase } from '../../support/database.ts';
import { addOperationsClient } from '../../../server/cli/commands/partner.ts';
import { CLAIM_BODY_LIMIT } from '../../../server/api/claims/routes.ts';
import { OPERATIONS_BODY_LIMIT } from '../../../server/api/operations/routes.ts';
import { startMailSink, type MailSink } from '../../../server/notifications/dev-mail-sink.ts';
import { createNotificationSender, createTransport } from '../../../server/notifications/mailer.ts';
import { OutboxWorker } from '../../../server/notifications/outbox-worker.ts';
import { silentLogger } from '../../../common/http/logger.ts';
import { pdfText } from '../documents/pdf-text.ts';
import {
  api,
  FOREIGN_ORIGIN,
  loginSession,
  newKeyPair,
  PERSON,
  proofFor,
  record,
  sessionHeaders,
  startPortal,
  type BrowserSession,
  type RunningPortal,
} from '../api/session/harness.ts';
import {
  casesFor,
  ELF_BYTES,
  ESCAPED,
  fingerprint,
  HOSTILE,
  EMAIL_SAMPLE,
  PASSWORD_SAMPLE,
  Watch,
  NOT_A_JPEG,
  RAW_MARKUP,
  type ApiEndpoint,
  type HostileCase,
  type Mutation,
} from './hostile-corpus.ts';
import { testPartnerSecrets } from '../../support/partner-secrets.ts';

/**
 * Every write endpoint of the API against the hostile-input corpus, on the real product on
 * loopback: each case must answer a 4xx `application/problem+json` with one of the endpoint's
 * stable codes, and change no row of any watched table. Then one accepted value per output kind
 * that the API feeds (a PDF, an e-mail) is followed to its output: shown literally, escaped.
 */
const db = useTestDatabase();
let portal: RunningPortal;
let watch: Watch;

interface Ctx {
  session: BrowserSession;
  opsToken: string;
  policyId: number;
  policyNumber: string;
  claimType: string;
  invoiceId: number;
  /** One of the person's claims that is not closed (files can be added to it). */
  claimId: number;
  origin: string;
}
let ctx: Ctx;

async function one<T extends object>(sql: string, bind: unknown[] = []): Promise<T> {
  const [row] = await db.sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT });
  if (!row) throw new Error(`no row: ${sql}`);
  return row;
}

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  watch = new Watch(db.sequelize);
  const { session } = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON });
  const secret = await addOperationsClient(db.sequelize, testPartnerSecrets, { clientId: 'ops-hardening', name: 'Hardening' });
  const config = await oidc.discovery(new URL(portal.issuer), 'ops-hardening', undefined, oidc.ClientSecretBasic(secret), {
    execute: [oidc.allowInsecureRequests],
  });
  const tokens = await oidc.clientCredentialsGrant(config, { scope: 'admin', resource: `${portal.origin}/api` });
  const policy = await one<{ id: number; policy_number: string; product: string }>(
    `select p.id, p.policy_number, p.product from policies p join customers c on c.id = p.customer_id
      where c.customer_number = $1 and p.status = 'active' and p.product in ('kgfb', 'casco')
        and p.start_date <= current_date - 2 order by p.id limit 1`,
    [PERSON.customerNumber],
  );
  const invoice = await one<{ id: number }>(
    `select i.id from invoices i join customers c on c.id = i.customer_id where c.customer_number = $1 and i.status in ('open', 'overdue') order by i.id limit 1`,
    [PERSON.customerNumber],
  );
  const claim = await one<{ id: number }>(
    `select cl.id from claims cl join customers c on c.id = cl.customer_id where c.customer_number = $1 and cl.status <> 'closed' order by cl.id limit 1`,
    [PERSON.customerNumber],
  );
  ctx = {
    claimId: Number(claim.id),
    session,
    opsToken: tokens.access_token,
    policyId: Number(policy.id),
    policyNumber: policy.policy_number,
    claimType: policy.product === 'kgfb' ? 'collision_liability' : 'collision',
    invoiceId: Number(invoice.id),
    origin: portal.origin,
  };
}, 120_000);
afterAll(() => portal?.close());
// Refusals count towards the per-session write limit and the password throttle: every case starts afresh.
beforeEach(async () => {
  await db.sequelize.query('delete from rate_limits');
  // The e-mail and payment method changes want a log-in from the last five minutes (step-up):
  // this suite tests their input, so its session stays freshly authenticated.
  await db.sequelize.query('update bff_sessions set auth_time = now()');
});

type Auth = 'session' | 'operations' | 'anonymous-widget' | 'redeem' | 'server';

interface Row extends ApiEndpoint<Ctx> {
  auth: Auth;
  headers?: (ctx: Ctx) => Record<string, string>;
}

const PADDED_TICKET = 'A'.repeat(43);

/** The table: one line (one object) per write endpoint. */
const ENDPOINTS: Row[] = [
  {
    name: 'PATCH /api/policies/{id}',
    method: 'PATCH',
    path: (c) => `/api/policies/${c.policyId}`,
    body: 'json',
    auth: 'session',
    limit: 4 * 1024,
    base: () => ({ correspondenceAddress: { postcode: '9021', city: 'Győr', addressLine: 'Baross Gábor út 12.' } }),
    strict: ['paymentMethod', 'paymentFrequency', 'correspondenceAddress.postcode'],
    text: ['correspondenceAddress.city', 'correspondenceAddress.addressLine'],
    required: ['correspondenceAddress.city', 'correspondenceAddress.addressLine', 'correspondenceAddress.postcode'],
    typed: ['paymentMethod', 'paymentFrequency', 'correspondenceAddress', 'correspondenceAddress.city'],
    codes: [
      'invalid_request',
      'payload_too_large',
      'invalid_payment_method',
      'invalid_payment_frequency',
      'invalid_correspondence_address',
      'no_change',
      'unknown_change',
    ],
  },
  {
    name: 'PATCH /api/policies/{id} with a hostile path id',
    method: 'PATCH',
    path: () => `/api/policies/${encodeURIComponent(HOSTILE.sqlOr)}`,
    body: 'json',
    auth: 'session',
    limit: 4 * 1024,
    base: () => ({ paymentMethod: 'bank_transfer' }),
    strict: [],
    required: [],
    codes: ['invalid_request', 'payload_too_large', 'policy_not_found', 'invalid_payment_method', 'no_change', 'unknown_change'],
  },
  {
    name: 'POST /api/payments',
    method: 'POST',
    path: () => '/api/payments',
    body: 'json',
    auth: 'session',
    limit: 16 * 1024,
    headers: () => ({ 'idempotency-key': `hostile-${Math.random().toString(36).slice(2)}` }),
    base: (c) => ({ invoiceIds: [c.invoiceId], returnUrl: `${c.origin}/fizetes/kesz`, cancelUrl: `${c.origin}/fizetes/megszakitva`, language: 'hu' }),
    strict: ['returnUrl', 'cancelUrl', 'language', 'invoiceIds.0'],
    required: ['invoiceIds', 'returnUrl', 'cancelUrl'],
    typed: ['invoiceIds', 'returnUrl', 'language'],
    codes: ['invalid_request', 'payload_too_large', 'invoice_not_found', 'invalid_return_url'],
  },
  {
    name: 'POST /api/claims (multipart)',
    method: 'POST',
    path: () => '/api/claims',
    body: 'multipart',
    auth: 'session',
    limit: CLAIM_BODY_LIMIT,
    base: (c) => ({
      policyId: String(c.policyId),
      claimType: c.claimType,
      occurredAt: new Date(Date.now() - 24 * 3600_000).toISOString(),
      place: 'Győr, Baross Gábor út 15.',
      description: 'Parkolás közben egy furgon tolatva nekiment a hátsó lökhárítónak.',
      estimatedDamageHuf: '350000',
      otherParty: JSON.stringify({ name: 'Kovács Péter', plate: 'ABC123' }),
      contactPreference: 'email',
    }),
    strict: ['policyId', 'claimType', 'occurredAt', 'estimatedDamageHuf', 'contactPreference', 'otherParty'],
    text: ['place', 'description'],
    required: ['policyId', 'claimType', 'occurredAt', 'place', 'description'],
    codes: [
      'invalid_request',
      'payload_too_large',
      'unsupported_media_type',
      'policy_not_found',
      'claim_type_not_for_product',
      'invalid_claim',
      'invalid_claim_type',
      'invalid_occurred_at',
      'invalid_place',
      'invalid_description',
      'invalid_other_party',
      'invalid_estimated_damage',
      'invalid_contact_preference',
      'claim_type_not_allowed',
      'policy_not_in_force_on_date',
      'attachment_type_not_allowed',
      'attachment_type_mismatch',
    ],
  },
  {
    name: 'POST /api/claims/{id}/attachments (multipart)',
    method: 'POST',
    path: (c) => `/api/claims/${c.claimId}/attachments`,
    body: 'multipart',
    auth: 'session',
    limit: CLAIM_BODY_LIMIT,
    base: () => ({}),
    strict: [],
    required: [],
    codes: [
      'invalid_request',
      'payload_too_large',
      'unsupported_media_type',
      'attachments_required',
      'attachment_type_not_allowed',
      'attachment_type_mismatch',
    ],
  },
  {
    name: 'POST /api/document-requests',
    method: 'POST',
    path: () => '/api/document-requests',
    body: 'json',
    auth: 'session',
    limit: 8 * 1024,
    base: (c) => ({ policyId: c.policyId, type: 'kotveny' }),
    strict: ['type'],
    required: ['policyId', 'type'],
    typed: ['policyId', 'type'],
    numbers: ['policyId'],
    codes: ['invalid_request', 'payload_too_large', 'policy_not_found', 'document_type_not_requestable', 'invalid_document_type'],
  },
  {
    name: 'PATCH /api/me',
    method: 'PATCH',
    path: () => '/api/me',
    body: 'json',
    auth: 'session',
    limit: 8 * 1024,
    base: () => ({ phone: '+36 30 123 4567', correspondenceAddress: { postcode: '9021', city: 'Győr', addressLine: 'Baross Gábor út 12.' }, language: 'hu' }),
    strict: ['phone', 'language', 'correspondenceAddress.postcode', 'email'],
    text: ['correspondenceAddress.city', 'correspondenceAddress.addressLine'],
    required: ['correspondenceAddress.city'],
    typed: ['phone', 'language', 'correspondenceAddress'],
    codes: ['invalid_request', 'payload_too_large', 'invalid_profile_change', 'empty_profile_change'],
  },
  {
    name: 'POST /api/me/email-change',
    method: 'POST',
    path: () => '/api/me/email-change',
    body: 'json',
    auth: 'session',
    limit: 8 * 1024,
    base: () => ({ newEmail: 'uj.cim@example.org', password: PERSON.password }),
    strict: ['newEmail'],
    sample: { newEmail: EMAIL_SAMPLE },
    required: ['newEmail', 'password'],
    typed: ['newEmail', 'password'],
    codes: ['invalid_request', 'payload_too_large', 'invalid_email', 'password_incorrect'],
  },
  {
    name: 'POST /api/me/email-change (hostile passwords)',
    method: 'POST',
    path: () => '/api/me/email-change',
    body: 'json',
    auth: 'session',
    limit: 8 * 1024,
    base: () => ({ newEmail: 'uj.cim@example.org', password: PERSON.password }),
    strict: ['password'],
    sample: { password: PASSWORD_SAMPLE },
    required: [],
    codes: ['invalid_request', 'payload_too_large', 'password_incorrect'],
  },
  {
    name: 'POST /api/session/login',
    method: 'POST',
    path: () => '/api/session/login',
    body: 'json',
    auth: 'anonymous-widget',
    limit: 8 * 1024,
    base: () => ({ clientId: 'portal', mode: 'redirect', returnTo: '/vissza', lang: 'hu' }),
    strict: ['clientId', 'mode', 'lang'],
    required: ['clientId'],
    typed: ['clientId', 'mode', 'lang'],
    codes: ['invalid_request', 'payload_too_large', 'client_unknown', 'invalid_return_to'],
  },
  {
    name: 'POST /api/session/login (hostile returnTo)',
    method: 'POST',
    path: () => '/api/session/login',
    body: 'json',
    auth: 'anonymous-widget',
    limit: 8 * 1024,
    base: () => ({ clientId: 'portal', mode: 'redirect', returnTo: '/vissza', lang: 'hu' }),
    strict: [],
    required: [],
    codes: ['invalid_request', 'payload_too_large', 'invalid_return_to'],
  },
  {
    // A well-formed but unknown ticket: redeeming a real one needs a fresh login per case.
    name: 'POST /api/session',
    method: 'POST',
    path: () => '/api/session',
    body: 'json',
    auth: 'redeem',
    limit: 8 * 1024,
    base: () => ({ ticket: PADDED_TICKET, loginSecret: PADDED_TICKET }),
    strict: ['ticket', 'loginSecret'],
    required: ['ticket', 'loginSecret'],
    typed: ['ticket', 'loginSecret'],
    codes: ['invalid_request', 'payload_too_large', 'ticket_invalid'],
  },
  {
    name: 'POST /api/operations/documents (JSON)',
    method: 'POST',
    path: () => '/api/operations/documents',
    body: 'json',
    auth: 'operations',
    limit: OPERATIONS_BODY_LIMIT,
    base: (c) => ({ customerNumber: PERSON.customerNumber, type: 'kotveny', policyNumber: c.policyNumber }),
    strict: ['customerNumber', 'type', 'policyNumber'],
    required: ['customerNumber', 'type'],
    typed: ['customerNumber', 'type', 'policyNumber'],
    codes: ['invalid_request', 'payload_too_large', 'unsupported_media_type', 'customer_not_found', 'policy_not_found', 'not_a_pdf'],
  },
  {
    name: 'POST /api/payments/webhooks/demo',
    method: 'POST',
    path: () => '/api/payments/webhooks/demo',
    body: 'json',
    auth: 'server',
    limit: 64 * 1024,
    headers: () => ({ 'gp-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` }),
    base: () => ({ id: 'evt_hostile_1', type: 'payment.succeeded', paymentId: '00000000-0000-4000-8000-000000000000', amountHuf: 1000 }),
    strict: ['id', 'type', 'paymentId'],
    required: ['id', 'type', 'paymentId'],
    typed: ['amountHuf'],
    numbers: ['amountHuf'],
    codes: ['webhook_rejected', 'payload_too_large'],
  },
];

/** Extra cases some endpoints need beyond the generated ones. */
const EXTRA: Record<string, HostileCase[]> = {
  'POST /api/claims (multipart)': [
    {
      label: 'a .jpg attachment whose bytes are not a JPEG',
      make: (b) => ({ kind: 'fields', body: b, files: [{ field: 'attachments', name: 'kar.jpg', bytes: NOT_A_JPEG, type: 'image/jpeg' }] }),
    },
    ...[HOSTILE.traversal, HOSTILE.winTraversal, `${HOSTILE.traversal}.jpg`, `..%2F..%2Fetc%2Fpasswd.jpg`, `C:\\Windows\\system32\\${HOSTILE.script}.jpg`].map(
      (name): HostileCase => ({
        label: `a path-traversal file name ${JSON.stringify(name)} on non-image bytes`,
        make: (b) => ({ kind: 'fields', body: b, files: [{ field: 'attachments', name, bytes: ELF_BYTES, type: 'image/jpeg' }] }),
      }),
    ),
    { label: 'a text value where the attachment goes', make: (b) => ({ kind: 'fields', body: { ...b, attachments: HOSTILE.traversal } }) },
    { label: 'not multipart but JSON', make: (b) => ({ kind: 'raw', contentType: 'application/json', raw: JSON.stringify(b) }) },
    {
      label: 'a multipart type with a broken body',
      make: () => ({ kind: 'raw', contentType: 'multipart/form-data; boundary=xyz', raw: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n' }),
    },
  ],
  // The same files, added to a reported claim.
  'POST /api/claims/{id}/attachments (multipart)': [
    {
      label: 'a .jpg attachment whose bytes are not a JPEG',
      make: (b) => ({ kind: 'fields', body: b, files: [{ field: 'attachments', name: 'kar.jpg', bytes: NOT_A_JPEG, type: 'image/jpeg' }] }),
    },
    ...[HOSTILE.traversal, HOSTILE.winTraversal, `C:\\Windows\\system32\\${HOSTILE.script}.jpg`].map((name): HostileCase => ({
      label: `a path-traversal file name ${JSON.stringify(name)} on non-image bytes`,
      make: (b) => ({ kind: 'fields', body: b, files: [{ field: 'attachments', name, bytes: ELF_BYTES, type: 'image/jpeg' }] }),
    })),
    { label: 'a text value where the attachment goes', make: (b) => ({ kind: 'fields', body: { ...b, attachments: HOSTILE.traversal } }) },
    { label: 'not multipart but JSON', make: (b) => ({ kind: 'raw', contentType: 'application/json', raw: JSON.stringify(b) }) },
  ],
  'POST /api/operations/documents (JSON)': [
    ...[HOSTILE.traversal, HOSTILE.winTraversal, 'kotveny.pdf'].map((name): HostileCase => ({
      label: `multipart: a PDF named ${JSON.stringify(name)} whose bytes are not a PDF`,
      make: (b) => ({ kind: 'fields', body: b, files: [{ field: 'file', name, bytes: NOT_A_JPEG, type: 'application/pdf' }] }),
    })),
    {
      label: 'multipart: a hostile customer number with a PDF-looking file',
      make: (b) => ({
        kind: 'fields',
        body: { ...b, customerNumber: HOSTILE.sqlOr },
        files: [{ field: 'file', name: 'a.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF'), type: 'application/pdf' }],
      }),
    },
  ],
  'POST /api/session/login (hostile returnTo)': Object.entries(HOSTILE)
    .map(([name, value]): HostileCase => ({ label: `"returnTo" = ${name}`, make: (b) => ({ kind: 'fields', body: { ...b, returnTo: value } }) }))
    .concat(
      ['javascript:alert(1)', 'https://evil.example/x', '//evil.example/x', '/\\evil.example'].map((value) => ({
        label: `"returnTo" = ${value}`,
        make: (b: Record<string, unknown>) => ({ kind: 'fields' as const, body: { ...b, returnTo: value } }),
      })),
    ),
};

/** The row's headers; a session row's carry the handle and a proof for `method url` (the row's own by default). */
async function headersFor(row: Row, method: string = row.method, url = new URL(row.path(ctx), portal.origin)): Promise<Record<string, string>> {
  const headers: Record<string, string> = { ...row.headers?.(ctx) };
  if (row.auth === 'session') Object.assign(headers, { origin: ctx.origin, 'x-gp-request': '1', ...(await sessionHeaders(ctx.session, method, url)) });
  if (row.auth === 'anonymous-widget') Object.assign(headers, { origin: ctx.origin, 'x-gp-request': '1' });
  // A ticket is redeemed with a proof of the page's new key (a fresh one per request: a write's proof counts once).
  if (row.auth === 'redeem') Object.assign(headers, { origin: ctx.origin, 'x-gp-request': '1', dpop: await proofFor(await newKeyPair(), method, url) });
  if (row.auth === 'operations') headers.authorization = `Bearer ${ctx.opsToken}`;
  return headers;
}

async function send(row: Row, mutation: Mutation): Promise<{ response: Response; text: string }> {
  const headers = await headersFor(row);
  let body: BodyInit;
  if (mutation.kind === 'raw') {
    headers['content-type'] = mutation.contentType;
    body = typeof mutation.raw === 'string' ? mutation.raw : new Blob([mutation.raw as Uint8Array<ArrayBuffer>]);
  } else if (row.body === 'multipart' || mutation.files) {
    const form = new FormData();
    for (const [name, value] of Object.entries(mutation.body)) {
      if (value === undefined) continue;
      form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    for (const file of mutation.files ?? []) form.append(file.field, new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.name);
    body = form;
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(mutation.body);
  }
  const url = new URL(row.path(ctx), portal.origin);
  const response = await fetch(url, { method: row.method, headers, body, redirect: 'manual' });
  const text = await response.text();
  record(portal, url.href, response, text);
  return { response, text };
}

for (const row of ENDPOINTS) {
  describe(`${row.name} refuses hostile input and stores nothing`, () => {
    for (const hostile of [...casesFor(row), ...(EXTRA[row.name] ?? [])]) {
      it(hostile.label, async () => {
        const before = await watch.before();
        const { response, text } = await send(row, hostile.make(row.base(ctx)));
        const where = `${row.name} / ${hostile.label}: ${response.status} ${text.slice(0, 400)}`;
        expect(response.status, where).toBeGreaterThanOrEqual(400);
        expect(response.status, where).toBeLessThan(500);
        // The credentials are good: a refusal must come from the input, not from the harness.
        expect([401, 403], where).not.toContain(response.status);
        expect(response.headers.get('content-type'), where).toMatch(/^application\/problem\+json/);
        const problem = JSON.parse(text) as { status: number; code: string };
        expect(problem.status, where).toBe(response.status);
        expect(row.codes, where).toContain(problem.code);
        for (const raw of RAW_MARKUP) expect(text, where).not.toContain(raw);
        expect(await watch.changedSince(before), where).toEqual([]);
      });
    }
  });
}

describe('DELETE /api/session with hostile input', () => {
  for (const value of Object.values(HOSTILE).filter((v) => !/[\p{Cc}\u0080-\uffff]/u.test(v))) {
    it(`a forged session handle ${JSON.stringify(value)} ends no session`, async () => {
      const before = await watch.before();
      const url = new URL('/api/session', portal.origin);
      const response = await fetch(url, {
        method: 'DELETE',
        headers: {
          origin: ctx.origin,
          'x-gp-request': '1',
          authorization: `DPoP ${encodeURIComponent(value)}`,
          dpop: await proofFor(await newKeyPair(), 'DELETE', url, { handle: encodeURIComponent(value) }),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ sessionId: value }),
      });
      // An unknown or malformed handle is a 401 problem, and no session is touched.
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(['session_expired', 'invalid_token']).toContain(((await response.json()) as { code: string }).code);
      expect(await watch.changedSince(before)).toEqual([]);
    });
  }

  it('the real session from a foreign origin, or without X-GP-Request: 403 problem, the session stays', async () => {
    const before = await watch.before();
    const refusals: Array<Record<string, string>> = [{ origin: FOREIGN_ORIGIN, 'x-gp-request': '1' }, { origin: ctx.origin }];
    for (const headers of refusals) {
      const { response, json } = await api(portal, '/api/session', { method: 'DELETE', session: ctx.session, gp: false, headers });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(['origin_not_allowed', 'missing_request_header']).toContain(json.code);
    }
    expect(await watch.changedSince(before)).toEqual([]);
    expect((await api(portal, '/api/session', { origin: ctx.origin, session: ctx.session })).json.authenticated).toBe(true);
  });
});

describe('step-up and the account’s sessions with hostile input', () => {
  /** Sends `body` (JSON unless a string is given with its type) with the real session; expects a 4xx problem with one of `codes` and no change. */
  async function refused(method: string, path: string, body: unknown, codes: string[], contentType = 'application/json') {
    const before = await watch.before();
    const url = new URL(path, portal.origin);
    const headers = { origin: ctx.origin, 'x-gp-request': '1', ...(await sessionHeaders(ctx.session, method, url)), 'content-type': contentType };
    const response = await fetch(url, { method, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await response.text();
    const where = `${method} ${path}: ${response.status} ${text.slice(0, 300)}`;
    expect(response.status, where).toBeGreaterThanOrEqual(400);
    expect(response.status, where).toBeLessThan(500);
    expect(response.headers.get('content-type'), where).toMatch(/^application\/problem\+json/);
    expect(codes, where).toContain((JSON.parse(text) as { code: string }).code);
    for (const raw of RAW_MARKUP) expect(text, where).not.toContain(raw);
    expect(await watch.changedSince(before), where).toEqual([]);
  }

  it('POST /api/session/reauthentication: a hostile or wrongly typed lang, a broken or oversized body', async () => {
    for (const lang of [...Object.values(HOSTILE), 42, null, ['hu'], { hu: 1 }])
      await refused('POST', '/api/session/reauthentication', { lang }, ['invalid_request']);
    for (const raw of ['{"lang": ', '[]', '"x"', 'null']) await refused('POST', '/api/session/reauthentication', raw, ['invalid_request']);
    await refused('POST', '/api/session/reauthentication', { lang: 'hu', padding: 'x'.repeat(8 * 1024) }, ['payload_too_large']);
  });

  it('POST /api/session/reauthentication/ticket: hostile, padded or wrongly typed tickets and secrets', async () => {
    for (const value of [...Object.values(HOSTILE), PADDED_TICKET, 42, null, [PADDED_TICKET]]) {
      await refused('POST', '/api/session/reauthentication/ticket', { ticket: value, loginSecret: PADDED_TICKET }, ['ticket_invalid', 'invalid_request']);
      await refused('POST', '/api/session/reauthentication/ticket', { ticket: PADDED_TICKET, loginSecret: value }, ['ticket_invalid', 'invalid_request']);
    }
    await refused('POST', '/api/session/reauthentication/ticket', '{"ticket": ', ['invalid_request']);
    await refused('POST', '/api/session/reauthentication/ticket', { ticket: PADDED_TICKET, padding: 'x'.repeat(8 * 1024) }, ['payload_too_large']);
  });

  it('DELETE /api/security/sessions/{id}: hostile ids end nothing', async () => {
    for (const id of [...Object.values(HOSTILE), '00000000-0000-4000-8000-000000000000', 'x'.repeat(65)]) {
      // A lone surrogate has no URL form: it is sent as its replacement character's.
      const path = encodeURIComponent(id.replace(/[\ud800-\udfff]/g, '\ufffd'));
      await refused('DELETE', `/api/security/sessions/${path}`, {}, ['session_not_found', 'invalid_request', 'not_found']);
    }
  });

  it('POST /api/payments/{id}/cancel: hostile ids cancel nothing', async () => {
    for (const id of [...Object.values(HOSTILE), '00000000-0000-4000-8000-000000000000', 'x'.repeat(65)]) {
      const path = encodeURIComponent(id.replace(/[\ud800-\udfff]/g, '\ufffd'));
      await refused('POST', `/api/payments/${path}/cancel`, {}, ['payment_not_found', 'invalid_request', 'not_found']);
    }
    await refused('POST', '/api/payments/00000000-0000-4000-8000-000000000000/cancel', { padding: 'x'.repeat(8 * 1024) }, ['payload_too_large']);
  });
});

/** The markup, SQL and Unicode payloads a free-text field accepts as text. */
const ACCEPTED_TEXT = [HOSTILE.script, HOSTILE.imgOnerror, HOSTILE.sqlOr, HOSTILE.sqlDrop, HOSTILE.combining.normalize('NFC'), 'Árvíztűrő tükörfúrógép'];

describe('accepted values come back only as text', () => {
  // These write on purpose.
  beforeEach(() => watch.forget());
  it('PDF: a claim whose place and description hold markup and SQL is stored as typed, and its acknowledgement shows them literally', async () => {
    const customersBefore = await fingerprint(db.sequelize);
    const description = `Leírás: ${ACCEPTED_TEXT.join(' | ')}`;
    const place = `${HOSTILE.sqlDrop} ${HOSTILE.imgOnerror}`;
    const form = new FormData();
    const fields = { ...ENDPOINTS.find((r) => r.name === 'POST /api/claims (multipart)')!.base(ctx), description, place } as Record<string, string>;
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const response = await fetch(new URL('/api/claims', portal.origin), {
      method: 'POST',
      headers: await headersFor(ENDPOINTS[3]!, 'POST', new URL('/api/claims', portal.origin)),
      body: form,
    });
    const json = (await response.json()) as { id: number; acknowledgementDocumentId: string };
    expect(response.status, JSON.stringify(json)).toBe(201);

    const claim = await one<{ place: string; description: string }>('select place, description from claims where id = $1', [json.id]);
    expect(claim).toEqual({ place, description });
    // The SQL was text: the customers are all still there, unchanged.
    expect((await fingerprint(db.sequelize)).customers).toEqual(customersBefore.customers);

    const pdfUrl = new URL(`/api/documents/${json.acknowledgementDocumentId}/content`, portal.origin);
    const pdf = await fetch(pdfUrl, { headers: await headersFor(ENDPOINTS[3]!, 'GET', pdfUrl) });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
    for (const value of [...ACCEPTED_TEXT, place]) expect(text, text).toContain(value);
  });

  it('e-mail: a new address with HTML-special characters is escaped in the confirmation e-mail delivered over SMTP', async () => {
    // `'` and `&` are allowed in an address's local part; unescaped, "&lt" would turn into "<".
    const newEmail = `o'neil&lt&gt&quot@example.org`;
    const { response, json } = await api(portal, '/api/me/email-change', {
      origin: ctx.origin,
      session: ctx.session,
      body: { newEmail, password: PERSON.password },
    });
    expect(response.status, JSON.stringify(json)).toBe(202);

    const sink: MailSink = await startMailSink();
    const transport = createTransport({ smtpUrl: `smtp://127.0.0.1:${sink.port}` });
    try {
      await new OutboxWorker({ sequelize: db.sequelize, send: createNotificationSender(transport), logger: silentLogger }).drain();
      const mail = sink.messages().find((m) => m.envelopeTo.includes(newEmail));
      expect(
        mail,
        sink
          .messages()
          .map((m) => m.envelopeTo.join())
          .join(' '),
      ).toBeDefined();
      const html = mail!.html!;
      expect(html).not.toMatch(/neil&lt&gt/);
      expect(html).not.toMatch(/o'neil/);
      expect(html).toMatch(/o(&#39;|&#x27;|&apos;)neil&amp;lt&amp;gt&amp;quot@example\.org/);
      expect(mail!.text).toContain(newEmail);
    } finally {
      transport.close();
      await sink.close();
    }
  });
});

// The table covers every write route the API describes (a new one must get its line).
it('the table names every write operation in /api/openapi.json', async () => {
  const { json } = await api(portal, '/api/openapi.json', { gp: false });
  const writes = Object.entries(json.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['post', 'patch', 'put', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} /api${path}`),
  );
  const covered = new Set([
    ...ENDPOINTS.map((r) => r.name.split(' ').slice(0, 2).join(' ')),
    'DELETE /api/session',
    // Their own describe above; DELETE /api/security/sessions takes no input (test/server/api/security).
    'POST /api/session/reauthentication',
    'POST /api/session/reauthentication/ticket',
    'DELETE /api/security/sessions/{id}',
    'DELETE /api/security/sessions',
    'POST /api/payments/{id}/cancel',
  ]);
  expect(writes.filter((w) => !covered.has(w))).toEqual([]);
});

// Keeps the escape table honest: both payloads have an escaped form listed.
it('the corpus lists an escaped form for every markup payload', () => {
  expect(Object.keys(ESCAPED).sort()).toEqual(['imgOnerror', 'script']);
});
