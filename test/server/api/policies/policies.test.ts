import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../../support/database.ts';
import { api, BROKER_ORIGIN, COMPANY, loginSession, PERSON, startPortal, type RunningPortal, type BrowserSession } from '../session/harness.ts';

const db = useTestDatabase();
let portal: RunningPortal;
let person: BrowserSession;
let company: BrowserSession;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  person = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON })).session;
  company = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: COMPANY })).session;
});
afterAll(() => portal?.close());

const asPerson = (path: string, init: { method?: string; body?: unknown } = {}) => api(portal, path, { origin: portal.origin, session: person, ...init });
const asCompany = (path: string, init: { method?: string; body?: unknown } = {}) => api(portal, path, { origin: portal.origin, session: company, ...init });

async function select<T extends object>(sql: string, bind: unknown[] = []): Promise<T[]> {
  return db.sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT });
}

async function customerId(customerNumber: string): Promise<number> {
  const [row] = await select<{ id: number }>('select id from customers where customer_number = $1', [customerNumber]);
  return Number(row!.id);
}

async function policyRow(id: number): Promise<Record<string, unknown>> {
  const [row] = await select<Record<string, unknown>>('select * from policies where id = $1', [id]);
  return row!;
}

async function countRows(table: string, customer: number): Promise<number> {
  const [row] = await select<{ n: string }>(`select count(*) as n from ${table} where customer_id = $1`, [customer]);
  return Number(row!.n);
}

/** An active policy of the person whose payment method can be switched to another one the product allows. */
async function changeablePolicy(): Promise<{ id: number; from: string; to: string }> {
  const list = await asPerson('/api/policies?status=active&pageSize=100');
  for (const item of list.json.items as Array<{ id: number; pendingChanges: number }>) {
    const detail = (await asPerson(`/api/policies/${item.id}`)).json;
    const options = (detail.paymentOptions as Array<{ frequency: string; methods: string[] }>).find((o) => o.frequency === detail.paymentFrequency);
    const to = options?.methods.find((m) => m !== detail.paymentMethod);
    if (to && detail.changeable) return { id: item.id, from: detail.paymentMethod, to };
  }
  throw new Error('the seed has no active policy of the person whose payment method can change');
}

describe('GET /api/policies', () => {
  it("lists the person's live and cancelled contracts as the database holds them", async () => {
    const id = await customerId(PERSON.customerNumber);
    const [counts] = await select<{ active: string; cancelled: string }>(
      `select count(*) filter (where status = 'active') as active, count(*) filter (where status = 'cancelled') as cancelled from policies where customer_id = $1`,
      [id],
    );
    const active = Number(counts!.active);
    const cancelled = Number(counts!.cancelled);
    expect(active).toBeGreaterThan(0);
    expect(cancelled).toBeGreaterThan(0);

    const { response, json } = await asPerson('/api/policies');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(json.counts).toEqual({ active, cancelled });
    expect(json.total).toBe(active + cancelled);
    expect(json.status).toBe('all');
    expect(json.page).toBe(1);
    const ids = (await select<{ id: number }>('select id from policies where customer_id = $1', [id])).map((r) => Number(r.id)).sort();
    expect((json.items as Array<{ id: number }>).map((p) => p.id).sort()).toEqual(ids);
    // Live first.
    const statuses = (json.items as Array<{ status: string }>).map((p) => p.status);
    expect(statuses).toEqual([...statuses].sort());
    for (const item of json.items) {
      expect(Number.isInteger(item.annualPremiumHuf)).toBe(true);
      expect(Number.isInteger(item.outstandingHuf)).toBe(true);
      expect(item.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }

    const onlyCancelled = await asPerson('/api/policies?status=cancelled');
    expect(onlyCancelled.json.total).toBe(cancelled);
    expect((onlyCancelled.json.items as Array<{ status: string }>).every((p) => p.status === 'cancelled')).toBe(true);
    expect(onlyCancelled.json.items).toHaveLength(cancelled);

    const paged = await asPerson('/api/policies?status=all&page=2&pageSize=1');
    expect(paged.json.items).toHaveLength(1);
    expect(paged.json.items[0].id).toBe(json.items[1].id);
  });

  it('refuses a bad filter or page with 400 invalid_request', async () => {
    for (const query of ['status=live', 'page=0', 'pageSize=1000', 'page=abc']) {
      const { response, json } = await asPerson(`/api/policies?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(json.code).toBe('invalid_request');
      expect(json.errors.length).toBeGreaterThan(0);
    }
  });

  it('answers 401 unauthenticated without a session', async () => {
    for (const path of ['/api/policies', '/api/policies/1']) {
      const { response, json } = await api(portal, path, { origin: portal.origin });
      expect(response.status, path).toBe(401);
      expect(json.code).toBe('unauthenticated');
    }
    const patch = await api(portal, '/api/policies/1', { origin: portal.origin, method: 'PATCH', body: { paymentMethod: 'card' } });
    expect(patch.response.status).toBe(401);
    expect(patch.json.code).toBe('unauthenticated');
  });

  it("shows a broker-scoped partner only that broker's policies", async () => {
    const { session } = await loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON });
    const id = await customerId(PERSON.customerNumber);
    const [broker] = await select<{ broker_id: number }>(`select broker_id from partner_clients where client_id = 'biztos-pont'`);
    const brokerId = Number(broker!.broker_id);
    const own = (await select<{ id: number }>('select id from policies where customer_id = $1 and broker_id = $2', [id, brokerId]))
      .map((r) => Number(r.id))
      .sort();
    const others = (await select<{ id: number }>('select id from policies where customer_id = $1 and broker_id is distinct from $2', [id, brokerId])).map((r) =>
      Number(r.id),
    );

    // The seed gives the person policies through this broker and others (else the test proves nothing).
    expect(own.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);

    const { response, json } = await api(portal, '/api/policies?pageSize=100', { origin: BROKER_ORIGIN, session });
    expect(response.status).toBe(200);
    expect((json.items as Array<{ id: number }>).map((p) => p.id).sort()).toEqual(own);
    expect(json.counts.active + json.counts.cancelled).toBe(own.length);

    // Another broker's policy of the same customer does not exist for this partner.
    for (const other of others.slice(0, 2)) {
      const detail = await api(portal, `/api/policies/${other}`, { origin: BROKER_ORIGIN, session });
      expect(detail.response.status).toBe(404);
      expect(detail.json.code).toBe('policy_not_found');
    }
  });

  it('runs a bounded number of SQL queries, however many policies the page holds', async () => {
    const count = async (path: string) => {
      let n = 0;
      db.sequelize.addHook('beforeQuery', 'count-policies', () => {
        n++;
      });
      try {
        expect((await asPerson(path)).response.status).toBe(200);
      } finally {
        db.sequelize.removeHook('beforeQuery', 'count-policies');
      }
      return n;
    };
    await count('/api/policies'); // warm caches (partner origins)
    const one = await count('/api/policies?pageSize=1');
    const all = await count('/api/policies?pageSize=100');
    expect(all).toBe(one);
    expect(all).toBeLessThanOrEqual(8);
  });
});

describe('GET /api/policies/{id}', () => {
  it('answers the detail with invoices, claims, documents and the allowed payment options', async () => {
    const id = await customerId(PERSON.customerNumber);
    const [policy] = await select<{ id: number; policy_number: string }>(
      `select p.id, p.policy_number from policies p where p.customer_id = $1 order by (select count(*) from invoices i where i.policy_id = p.id) desc limit 1`,
      [id],
    );
    const { response, json } = await asPerson(`/api/policies/${policy!.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(json.id).toBe(Number(policy!.id));
    expect(json.policyNumber).toBe(policy!.policy_number);
    const invoiceCount = await select<{ n: string }>('select count(*) as n from invoices where policy_id = $1', [policy!.id]);
    expect(json.invoices).toHaveLength(Number(invoiceCount[0]!.n));
    expect(json.invoices.length).toBeGreaterThan(0);
    for (const invoice of json.invoices) expect(Number.isInteger(invoice.amountHuf)).toBe(true);
    expect(Array.isArray(json.claims)).toBe(true);
    expect(Array.isArray(json.documents)).toBe(true);
    expect(json.paymentOptions.length).toBeGreaterThan(0);
    expect(json.effectiveCorrespondenceAddress.postcode).toMatch(/^\d{4}$/);
  });

  it("answers 404 policy_not_found for a missing id, a malformed one, and the person's policy to the company", async () => {
    const id = await customerId(PERSON.customerNumber);
    const [policy] = await select<{ id: number }>('select id from policies where customer_id = $1 limit 1', [id]);
    const missing = await asCompany('/api/policies/2147483000');
    const foreign = await asCompany(`/api/policies/${policy!.id}`);
    const malformed = await asPerson('/api/policies/abc');
    for (const { response, json } of [missing, foreign, malformed]) {
      expect(response.status).toBe(404);
      expect(json.code).toBe('policy_not_found');
    }
    // Indistinguishable: the same document for another customer's policy as for a missing one.
    expect(foreign.json).toEqual(missing.json);
  });
});

describe('PATCH /api/policies/{id}', () => {
  it('applies a payment method change and puts the confirmation with its notification in the mailbox', async () => {
    const customer = await customerId(PERSON.customerNumber);
    const { id, from, to } = await changeablePolicy();
    const documentsBefore = await countRows('documents', customer);
    const notificationsBefore = await countRows('notifications', customer);

    const { response, json } = await asPerson(`/api/policies/${id}`, { method: 'PATCH', body: { paymentMethod: to } });
    expect(response.status, JSON.stringify(json)).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(json.policyId).toBe(id);
    expect(json.changes).toHaveLength(1);
    expect(json.changes[0]).toMatchObject({ kind: 'payment_method', oldValue: from, newValue: to, status: 'applied', reviewReason: null });
    expect(json.confirmation.documentId).toMatch(/^[0-9a-f-]{36}$/);

    expect((await policyRow(id)).payment_method).toBe(to);
    const [document] = await select<{ type: string; customer_id: number; policy_id: number }>(
      'select type, customer_id, policy_id from documents where id = $1',
      [json.confirmation.documentId],
    );
    expect(document).toMatchObject({ type: 'modositas_visszaigazolas', customer_id: customer, policy_id: id });
    expect(await countRows('documents', customer)).toBe(documentsBefore + 1);
    expect(await countRows('notifications', customer)).toBe(notificationsBefore + 1);
    if (json.confirmation.notificationId) {
      const [notification] = await select<{ customer_id: number }>('select customer_id from notifications where id = $1', [json.confirmation.notificationId]);
      expect(Number(notification!.customer_id)).toBe(customer);
    }
    const [request] = await select<{ status: string; client_id: string }>('select status, client_id from change_requests where id = $1', [json.changes[0].id]);
    expect(request).toEqual({ status: 'applied', client_id: 'portal' });

    // The detail shows it.
    const detail = await asPerson(`/api/policies/${id}`);
    expect(detail.json.paymentMethod).toBe(to);
    expect(detail.json.documents.some((d: { id: string }) => d.id === json.confirmation.documentId)).toBe(true);
  });

  it('refuses bad input with a problem code and changes nothing', async () => {
    const customer = await customerId(PERSON.customerNumber);
    const { id } = await changeablePolicy();
    const cases: Array<{ body: unknown; status: number; code: string }> = [
      { body: { paymentMethod: 'bitcoin' }, status: 422, code: 'invalid_payment_method' },
      { body: { paymentFrequency: 'weekly' }, status: 422, code: 'invalid_payment_frequency' },
      { body: { correspondenceAddress: { postcode: '12', city: 'Győr', addressLine: 'Fő utca 1.' } }, status: 422, code: 'invalid_correspondence_address' },
      {
        body: { correspondenceAddress: { postcode: '9021', city: 'Győr\u202e', addressLine: 'Fő utca 1.' } },
        status: 422,
        code: 'invalid_correspondence_address',
      },
      { body: { annualPremiumHuf: 1, paymentMethod: 'card' }, status: 422, code: 'unknown_change' },
      { body: {}, status: 422, code: 'no_change' },
      { body: { paymentMethod: 42 }, status: 400, code: 'invalid_request' },
      { body: { correspondenceAddress: 'Győr' }, status: 400, code: 'invalid_request' },
      { body: [], status: 400, code: 'invalid_request' },
    ];
    const before = await policyRow(id);
    const requestsBefore = await countRows('change_requests', customer);
    const documentsBefore = await countRows('documents', customer);
    for (const { body, status, code } of cases) {
      const { response, json } = await asPerson(`/api/policies/${id}`, { method: 'PATCH', body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(json.code, JSON.stringify(body)).toBe(code);
    }
    const postcode = await asPerson(`/api/policies/${id}`, {
      method: 'PATCH',
      body: { correspondenceAddress: { postcode: '12', city: 'Győr', addressLine: 'Fő utca 1.' } },
    });
    expect(postcode.json.errors).toContainEqual(expect.objectContaining({ field: 'correspondenceAddress.postcode' }));

    const notJson = await api(portal, `/api/policies/${id}`, {
      origin: portal.origin,
      session: person,
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.response.status).toBe(400);
    expect(notJson.json.code).toBe('invalid_request');

    const huge = await asPerson(`/api/policies/${id}`, { method: 'PATCH', body: { paymentMethod: 'card', padding: 'x'.repeat(10_000) } });
    expect(huge.response.status).toBe(413);
    expect(huge.json.code).toBe('payload_too_large');

    expect(await policyRow(id)).toEqual(before);
    expect(await countRows('change_requests', customer)).toBe(requestsBefore);
    expect(await countRows('documents', customer)).toBe(documentsBefore);
  });

  it("does not let the company read or change the person's policy (404, like a missing id)", async () => {
    const { id, to } = await changeablePolicy();
    const before = await policyRow(id);
    const { response, json } = await asCompany(`/api/policies/${id}`, { method: 'PATCH', body: { paymentMethod: to } });
    expect(response.status).toBe(404);
    expect(json.code).toBe('policy_not_found');
    const missing = await asCompany('/api/policies/2147483000', { method: 'PATCH', body: { paymentMethod: to } });
    expect(missing.json).toEqual(json);
    expect(await policyRow(id)).toEqual(before);
  });

  it('refuses a change of a cancelled contract (409 policy_not_active)', async () => {
    const list = await asPerson('/api/policies?status=cancelled');
    const cancelled = list.json.items[0];
    const before = await policyRow(cancelled.id);
    const { response, json } = await asPerson(`/api/policies/${cancelled.id}`, {
      method: 'PATCH',
      body: { paymentMethod: cancelled.paymentMethod === 'card' ? 'bank_transfer' : 'card' },
    });
    expect(response.status).toBe(409);
    expect(json.code).toBe('policy_not_active');
    expect(await policyRow(cancelled.id)).toEqual(before);
  });

  it('is described in the OpenAPI document', async () => {
    const { json } = await api(portal, '/api/openapi.json', { origin: portal.origin });
    expect(Object.keys(json.paths)).toEqual(expect.arrayContaining(['/policies', '/policies/{id}']));
    expect(json.paths['/policies/{id}'].patch.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(json.components.schemas.PolicyChange.properties.paymentMethod.enum).toContain('direct_debit');
  });
});
