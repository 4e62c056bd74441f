import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../../support/database.ts';
import { api, BROKER_ORIGIN, COMPANY, loginSession, sessionHeaders, PERSON, startPortal, type RunningPortal, type BrowserSession } from '../session/harness.ts';

const db = useTestDatabase();
let portal: RunningPortal;
let personSession: BrowserSession;
let companySession: BrowserSession;
let personId: number;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  personSession = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON })).session;
  companySession = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: COMPANY })).session;
  personId = await customerIdOf(PERSON.customerNumber);
});
afterAll(() => portal?.close());

async function one<T>(sql: string, bind: unknown[] = []): Promise<T> {
  const [row] = await db.sequelize.query<T & object>(sql, { bind, type: QueryTypes.SELECT });
  return row as T;
}

async function customerIdOf(customerNumber: string): Promise<number> {
  return Number((await one<{ id: number }>('select id from customers where customer_number = $1', [customerNumber])).id);
}

const count = async (sql: string, bind: unknown[] = []) => Number((await one<{ n: string }>(`select count(*) as n from (${sql}) q`, bind)).n);

const person = (path: string, init: Parameters<typeof api>[2] = {}) => api(portal, path, { origin: portal.origin, session: personSession, ...init });
const company = (path: string, init: Parameters<typeof api>[2] = {}) => api(portal, path, { origin: portal.origin, session: companySession, ...init });

/** The PDF's bytes (the harness's `api()` reads text, which would mangle them). */
async function fetchBinary(path: string, session: BrowserSession) {
  const response = await fetch(new URL(path, portal.origin), {
    headers: { origin: portal.origin, 'x-gp-request': '1', ...(await sessionHeaders(session, 'GET', new URL(path, portal.origin))) },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function policyIdOf(customerId: number, product: string): Promise<number> {
  return Number(
    (
      await one<{ id: number }>(`select id from policies where customer_id = $1 and product = $2 and status = 'active' order by id limit 1`, [
        customerId,
        product,
      ])
    ).id,
  );
}

describe('GET /api/documents', () => {
  it('lists the mailbox newest first with the unread count, as the database has it, without content', async () => {
    const total = await count('select id from documents where customer_id = $1', [personId]);
    const unread = await count('select id from documents where customer_id = $1 and read_at is null', [personId]);
    expect(total).toBeGreaterThan(3);
    expect(unread).toBeGreaterThan(0);

    const { response, json, text } = await person('/api/documents?pageSize=100');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(json.total).toBe(total);
    expect(json.items).toHaveLength(total);
    expect(json.unreadCount).toBe(unread);
    expect(json.items.filter((d: { read: boolean }) => !d.read)).toHaveLength(unread);
    expect(text).not.toContain('%PDF');
    const first = json.items[0];
    expect(Object.keys(first).sort()).toEqual(
      ['id', 'issuedAt', 'policyId', 'policyNumber', 'read', 'readAt', 'sizeBytes', 'title', 'type', 'typeName'].sort(),
    );
    expect(first.typeName.hu).toBeTruthy();
    expect(first.typeName.en).toBeTruthy();
    const issued = json.items.map((d: { issuedAt: string }) => d.issuedAt);
    expect([...issued].sort().reverse()).toEqual(issued);
    const withPolicy = json.items.find((d: { policyId: number | null }) => d.policyId !== null);
    const numberInDb = await one<{ policy_number: string }>('select policy_number from policies where id = $1', [withPolicy.policyId]);
    expect(withPolicy.policyNumber).toBe(numberInDb.policy_number);
  });

  it('filters by type, contract and unread, pages, and keeps unreadCount for the whole mailbox', async () => {
    const unread = await count('select id from documents where customer_id = $1 and read_at is null', [personId]);
    const kotveny = await count(`select id from documents where customer_id = $1 and type = 'kotveny'`, [personId]);
    const byType = await person('/api/documents?type=kotveny');
    expect(byType.json.total).toBe(kotveny);
    expect(byType.json.items.every((d: { type: string }) => d.type === 'kotveny')).toBe(true);
    expect(byType.json.unreadCount).toBe(unread);
    // The type filter's choices: every type of the whole mailbox with its count, whatever the filters.
    const perType = await db.sequelize.query<{ type: string; n: number }>(
      'select type, count(*)::int as n from documents where customer_id = $1 group by type order by type',
      { bind: [personId], type: QueryTypes.SELECT },
    );
    expect(perType.length).toBeGreaterThan(1);
    const choices = perType.map(({ type, n }) => ({ type, count: n }));
    expect(byType.json.types.map(({ type, count }: { type: string; count: number }) => ({ type, count }))).toEqual(choices);
    expect(byType.json.types.every((t: { typeName: { hu: string; en: string } }) => t.typeName.hu && t.typeName.en)).toBe(true);

    const unreadOnly = await person('/api/documents?unread=true&pageSize=100');
    expect(unreadOnly.json.total).toBe(unread);
    expect(unreadOnly.json.items.every((d: { read: boolean }) => !d.read)).toBe(true);

    const home = await policyIdOf(personId, 'home');
    const forHome = await count('select id from documents where customer_id = $1 and policy_id = $2', [personId, home]);
    const byPolicy = await person(`/api/documents?policyId=${home}`);
    expect(byPolicy.json.total).toBe(forHome);

    expect(byPolicy.json.types.map(({ type, count }: { type: string; count: number }) => ({ type, count }))).toEqual(choices);

    const paged = await person('/api/documents?pageSize=2&page=2');
    expect(paged.json.items).toHaveLength(2);
    expect(paged.json.page).toBe(2);
  });

  it('refuses a bad filter with 400 invalid_request', async () => {
    for (const query of ['type=nope', 'policyId=abc', 'pageSize=1000', 'unread=maybe']) {
      const { response, json } = await person(`/api/documents?${query}`);
      expect(response.status, query).toBe(400);
      expect(json.code).toBe('invalid_request');
    }
  });

  it("shows a broker-scoped partner only its broker's contracts' documents and the receipts of only those", async () => {
    const { session } = await loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON });
    const broker = await one<{ broker_id: number }>(`select broker_id from partner_clients where client_id = 'biztos-pont'`);
    const visible = await count(
      `select d.id from documents d left join policies p on p.id = d.policy_id
        where d.customer_id = $1
          and (p.broker_id = $2
               or (d.policy_id is null and d.id in (select receipt_document_id from payments)
                   and d.id not in (select pay.receipt_document_id from payments pay join payment_invoices pi on pi.payment_id = pay.id
                                      join invoices i on i.id = pi.invoice_id join policies ip on ip.id = i.policy_id
                                     where pay.receipt_document_id is not null and ip.broker_id is distinct from $2)))`,
      [personId, broker.broker_id],
    );
    const all = await count('select id from documents where customer_id = $1', [personId]);
    expect(visible).toBeLessThan(all);
    const { json } = await api(portal, '/api/documents?pageSize=100', { origin: BROKER_ORIGIN, session });
    expect(json.total).toBe(visible);

    const home = await policyIdOf(personId, 'home');
    const homeDoc = await one<{ id: string }>('select id from documents where policy_id = $1 limit 1', [home]);
    const opened = await api(portal, `/api/documents/${homeDoc.id}/content`, { origin: BROKER_ORIGIN, session });
    expect(opened.response.status).toBe(404);
  });
});

describe('GET /api/documents/{id}/content', () => {
  it('answers the PDF, marks it read once and audits every opening', async () => {
    const doc = await one<{ id: string; sha256: string; filename: string }>(
      'select id, sha256, filename from documents where customer_id = $1 and read_at is null order by issued_at desc limit 1',
      [personId],
    );
    const before = (await person('/api/documents')).json.unreadCount;

    const { response, bytes } = await fetchBinary(`/api/documents/${doc.id}/content`, personSession);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="[^"]+"; filename\*=UTF-8''/);
    expect(response.headers.get('content-disposition')).toContain(
      encodeURIComponent(doc.filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    );
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256);

    expect((await person('/api/documents')).json.unreadCount).toBe(before - 1);
    const read = await one<{ read_at: Date | null }>('select read_at from documents where id = $1', [doc.id]);
    expect(read.read_at).not.toBeNull();

    const download = await fetchBinary(`/api/documents/${doc.id}/content?download=1`, personSession);
    expect(download.response.status).toBe(200);
    expect(download.response.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect((await person('/api/documents')).json.unreadCount).toBe(before - 1);
    const readAgain = await one<{ read_at: Date | null }>('select read_at from documents where id = $1', [doc.id]);
    expect(readAgain.read_at).toEqual(read.read_at);

    const audit = await db.sequelize.query<{ action: string; actor_type: string; customer_id: number; client_id: string; metadata: Record<string, unknown> }>(
      `select action, actor_type, customer_id, client_id, metadata from audit_events where subject_type = 'document' and subject_id = $1 order by id`,
      { bind: [doc.id], type: QueryTypes.SELECT },
    );
    expect(audit.map((a) => a.action)).toEqual(['document.opened', 'document.downloaded']);
    for (const row of audit) {
      expect(row).toMatchObject({ actor_type: 'customer', customer_id: personId, client_id: 'portal' });
      const metadata = JSON.stringify(row.metadata);
      expect(metadata).not.toContain(PERSON.name);
      expect(metadata).not.toContain(doc.filename);
    }
  });

  it("answers 404 to the company for the person's document, and writes nothing", async () => {
    const doc = await one<{ id: string }>('select id from documents where customer_id = $1 and read_at is null limit 1', [personId]);
    const auditBefore = await count('select id from audit_events');
    const { response, json } = await company(`/api/documents/${doc.id}/content`);
    expect(response.status).toBe(404);
    expect(json.code).toBe('document_not_found');
    expect(await count('select id from audit_events')).toBe(auditBefore);
    expect((await one<{ read_at: Date | null }>('select read_at from documents where id = $1', [doc.id])).read_at).toBeNull();
    const missing = await company('/api/documents/not-a-uuid/content');
    expect(missing.response.status).toBe(404);
  });
});

describe('document requests', () => {
  it('lists the requestable types of a motor contract, with the claims-history certificate', async () => {
    const kgfb = await policyIdOf(personId, 'kgfb');
    const { response, json } = await person(`/api/document-requests/types?policyId=${kgfb}`);
    expect(response.status).toBe(200);
    expect(json.items.map((t: { type: string }) => t.type)).toContain('kartorteneti_igazolas');
    const home = await policyIdOf(personId, 'home');
    const homeTypes = await person(`/api/document-requests/types?policyId=${home}`);
    expect(homeTypes.json.items.map((t: { type: string }) => t.type)).not.toContain('kartorteneti_igazolas');
    const foreign = await company(`/api/document-requests/types?policyId=${kgfb}`);
    expect(foreign.response.status).toBe(404);
  });

  it('requests a claims-history certificate for a motor contract: 201, and it is in the mailbox', async () => {
    const kgfb = await policyIdOf(personId, 'kgfb');
    const { response, json } = await person('/api/document-requests', { method: 'POST', body: { policyId: kgfb, type: 'kartorteneti_igazolas' } });
    expect(response.status).toBe(201);
    expect(json.request).toMatchObject({ policyId: kgfb, type: 'kartorteneti_igazolas', status: 'fulfilled' });
    expect(json.documentId).toBe(json.request.documentId);
    const list = await person(`/api/documents?policyId=${kgfb}&type=kartorteneti_igazolas`);
    expect(list.json.items.map((d: { id: string }) => d.id)).toContain(json.documentId);
    const requests = await person('/api/document-requests');
    expect(requests.json.items[0]).toMatchObject({ id: json.request.id, documentId: json.documentId });
  });

  it('refuses a claims-history certificate for a home contract with 422 and writes nothing', async () => {
    const home = await policyIdOf(personId, 'home');
    const before = await Promise.all([count('select id from document_requests'), count('select id from documents'), count('select id from audit_events')]);
    const { response, json } = await person('/api/document-requests', { method: 'POST', body: { policyId: home, type: 'kartorteneti_igazolas' } });
    expect(response.status).toBe(422);
    expect(json.code).toBe('document_type_not_for_product');
    const after = await Promise.all([count('select id from document_requests'), count('select id from documents'), count('select id from audit_events')]);
    expect(after).toEqual(before);
  });

  it('refuses a malformed body with 400', async () => {
    const { response, json } = await person('/api/document-requests', { method: 'POST', body: { policyId: 'x' } });
    expect(response.status).toBe(400);
    expect(json.code).toBe('invalid_request');
  });
});

describe('/api/me', () => {
  it("answers the person's profile", async () => {
    const { response, json } = await person('/api/me');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(json).toMatchObject({ name: PERSON.name, customerNumber: PERSON.customerNumber, kind: 'person', birthDate: PERSON.birthDate, taxNumber: null });
    expect(json.address.postcode).toBe(PERSON.postcode);
    const companyProfile = await company('/api/me');
    expect(companyProfile.json).toMatchObject({ kind: 'company', taxNumber: COMPANY.taxNumber, birthDate: null });
  });

  it('refuses a bad phone or postcode (422) and changes nothing', async () => {
    const before = await one<Record<string, unknown>>('select phone, correspondence_address, language, updated_at from customers where id = $1', [personId]);
    const auditBefore = await count(`select id from audit_events where action = 'profile.changed'`);
    const bad = await person('/api/me', {
      method: 'PATCH',
      body: { phone: '+1 555 0100', correspondenceAddress: { postcode: '123', city: 'Győr', addressLine: 'Fő utca 1.' } },
    });
    expect(bad.response.status).toBe(422);
    expect(bad.json.code).toBe('invalid_profile_change');
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['correspondenceAddress.postcode', 'phone']);
    const email = await person('/api/me', { method: 'PATCH', body: { email: 'new@example.com' } });
    expect(email.response.status).toBe(400);
    const after = await one<Record<string, unknown>>('select phone, correspondence_address, language, updated_at from customers where id = $1', [personId]);
    expect(after).toEqual(before);
    expect(await count(`select id from audit_events where action = 'profile.changed'`)).toBe(auditBefore);
  });

  it('changes phone, correspondence address and language, and audits the field names only', async () => {
    const { response, json } = await person('/api/me', {
      method: 'PATCH',
      body: { phone: '06-30/555-1234', correspondenceAddress: { postcode: '9022', city: 'Győr', addressLine: 'Baross Gábor út 3.' }, language: 'en' },
    });
    expect(response.status).toBe(200);
    expect(json.changed.sort()).toEqual(['correspondenceAddress', 'language', 'phone']);
    expect(json.profile).toMatchObject({
      phone: '+36 30 555 1234',
      language: 'en',
      correspondenceAddress: { postcode: '9022', city: 'Győr', addressLine: 'Baross Gábor út 3.' },
    });
    const row = await one<{ phone: string; language: string }>('select phone, language from customers where id = $1', [personId]);
    expect(row).toMatchObject({ phone: '+36 30 555 1234', language: 'en' });
    const audit = await db.sequelize.query<{ client_id: string; metadata: Record<string, unknown> }>(
      `select client_id, metadata from audit_events where action = 'profile.changed' and customer_id = $1 order by id desc limit 1`,
      { bind: [personId], type: QueryTypes.SELECT },
    );
    expect(audit[0]?.client_id).toBe('portal');
    expect(JSON.stringify(audit[0]?.metadata)).not.toContain('555');
    expect(JSON.stringify(audit[0]?.metadata)).not.toContain('Baross');

    const same = await person('/api/me', { method: 'PATCH', body: { phone: '+36 30 555 1234' } });
    expect(same.json.changed).toEqual([]);
  });
});

describe('without a session', () => {
  it('answers 401 on every prefix', async () => {
    for (const [method, path] of [
      ['GET', '/api/documents'],
      ['GET', '/api/documents/00000000-0000-4000-8000-000000000000/content'],
      ['GET', '/api/document-requests'],
      ['GET', '/api/document-requests/types?policyId=1'],
      ['POST', '/api/document-requests'],
      ['GET', '/api/me'],
      ['PATCH', '/api/me'],
    ] as const) {
      const { response } = await api(portal, path, { method, origin: portal.origin, body: method === 'GET' ? undefined : {} });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });
});

describe('OpenAPI', () => {
  it('describes the routes', async () => {
    const { json } = await api(portal, '/api/openapi.json');
    for (const path of ['/documents', '/documents/{id}/content', '/document-requests', '/document-requests/types', '/me'])
      expect(Object.keys(json.paths)).toContain(path);
    expect(json.paths['/me'].patch.security).toEqual([{ session: [] }, { bearer: [] }]);
  });
});
