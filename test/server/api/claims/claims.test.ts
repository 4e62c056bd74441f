import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../../support/database.ts';
import {
  api,
  BROKER_ORIGIN,
  COMPANY,
  loginSession,
  sessionHeaders,
  PERSON,
  record,
  startPortal,
  type RunningPortal,
  type BrowserSession,
} from '../session/harness.ts';

const db = useTestDatabase();
let portal: RunningPortal;
let personSession: BrowserSession;
let companySession: BrowserSession;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  personSession = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON })).session;
  companySession = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: COMPANY })).session;
}, 120_000);
afterAll(() => portal?.close());

/**
 * The smallest real baseline JPEG: one 8×8 grey block (all-ones quantisation, a one-code DC table
 * for "difference 0" and a one-code AC table for end-of-block, so the scan is the two bits 00 padded
 * with ones).
 */
function tinyJpeg(): Uint8Array<ArrayBuffer> {
  const bytes = [
    0xff,
    0xd8, // SOI
    0xff,
    0xe0,
    0x00,
    0x10,
    0x4a,
    0x46,
    0x49,
    0x46,
    0x00,
    0x01,
    0x01,
    0x00,
    0x00,
    0x01,
    0x00,
    0x01,
    0x00,
    0x00, // APP0 JFIF
    0xff,
    0xdb,
    0x00,
    0x43,
    0x00,
    ...new Array<number>(64).fill(1), // DQT
    0xff,
    0xc0,
    0x00,
    0x0b,
    0x08,
    0x00,
    0x08,
    0x00,
    0x08,
    0x01,
    0x01,
    0x11,
    0x00, // SOF0 8×8, one component
    0xff,
    0xc4,
    0x00,
    0x14,
    0x00,
    0x01,
    ...new Array<number>(15).fill(0),
    0x00, // DHT DC0: one 1-bit code → category 0
    0xff,
    0xc4,
    0x00,
    0x14,
    0x10,
    0x01,
    ...new Array<number>(15).fill(0),
    0x00, // DHT AC0: one 1-bit code → EOB
    0xff,
    0xda,
    0x00,
    0x08,
    0x01,
    0x01,
    0x00,
    0x00,
    0x3f,
    0x00, // SOS
    0x3f, // scan: DC diff 0, EOB, padding
    0xff,
    0xd9, // EOI
  ];
  return Uint8Array.from(bytes);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface FormFields {
  [name: string]: string | undefined;
}

/** `POST /api/claims` as the claim form sends it: a multipart form, from the portal page, with the session's handle and a proof. */
async function postClaim(
  fields: FormFields,
  files: Array<{ name: string; bytes: Uint8Array<ArrayBuffer>; type?: string }> = [],
  session: BrowserSession | null = personSession,
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  for (const file of files) form.append('attachments', new Blob([file.bytes], { type: file.type ?? 'image/jpeg' }), file.name);
  const headers: Record<string, string> = { origin: portal.origin, 'x-gp-request': '1' };
  if (session) Object.assign(headers, await sessionHeaders(session, 'POST', new URL('/api/claims', portal.origin)));
  const url = new URL('/api/claims', portal.origin);
  const response = await fetch(url, { method: 'POST', headers, body: form });
  const text = await response.text();
  record(portal, url.href, response, text);
  return { response, json: text ? JSON.parse(text) : null };
}

async function count(table: string): Promise<number> {
  const [row] = await db.sequelize.query<{ n: string }>(`select count(*) as n from ${table}`, { type: QueryTypes.SELECT });
  return Number(row!.n);
}

async function customerId(customerNumber: string): Promise<number> {
  const [row] = await db.sequelize.query<{ id: number }>('select id from customers where customer_number = :customerNumber', {
    replacements: { customerNumber },
    type: QueryTypes.SELECT,
  });
  return Number(row!.id);
}

/** One of the person's motor policies in force since before yesterday. */
async function motorPolicy(): Promise<{ id: number; product: 'kgfb' | 'casco' }> {
  const [row] = await db.sequelize.query<{ id: number; product: 'kgfb' | 'casco' }>(
    `select p.id, p.product from policies p join customers c on c.id = p.customer_id
      where c.customer_number = :customerNumber and p.status = 'active' and p.product in ('kgfb', 'casco')
        and p.start_date <= current_date - 2 and (p.end_date is null or p.end_date >= current_date)
      order by p.id limit 1`,
    { replacements: { customerNumber: PERSON.customerNumber }, type: QueryTypes.SELECT },
  );
  if (!row) throw new Error('the seed gave the person no active motor policy');
  return { id: Number(row.id), product: row.product };
}

async function motorClaimFields(): Promise<FormFields> {
  const policy = await motorPolicy();
  return {
    policyId: String(policy.id),
    claimType: policy.product === 'kgfb' ? 'collision_liability' : 'collision',
    occurredAt: new Date(Date.now() - 24 * 3600_000).toISOString(),
    place: 'Győr, Baross Gábor út 15.',
    description: 'Parkolás közben egy furgon tolatva nekiment a hátsó lökhárítónak.',
    estimatedDamageHuf: '350000',
    otherParty: JSON.stringify({ name: 'Kovács Péter', plate: 'abc123', insurer: 'Példa Biztosító Zrt.' }),
    contactPreference: 'email',
  };
}

let reported: { id: number; claimNumber: string; attachmentId: string; jpeg: Uint8Array<ArrayBuffer> } | undefined;

async function reportOne() {
  if (reported) return reported;
  const jpeg = tinyJpeg();
  const { response, json } = await postClaim(await motorClaimFields(), [{ name: 'hátsó lökhárító.jpg', bytes: jpeg }]);
  expect(response.status, JSON.stringify(json)).toBe(201);
  reported = { id: json.id, claimNumber: json.claimNumber, attachmentId: json.attachments[0].id, jpeg };
  return reported;
}

describe('POST /api/claims', () => {
  it('reports a motor claim with a JPEG: the claim, its attachment, the acknowledgement and ONE e-mail', async () => {
    const person = await customerId(PERSON.customerNumber);
    const notificationsBefore = await count('notifications');
    const jpeg = tinyJpeg();
    const fields = await motorClaimFields();
    const { response, json } = await postClaim(fields, [{ name: 'hátsó lökhárító.jpg', bytes: jpeg }]);

    expect(response.status, JSON.stringify(json)).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('location')).toBe(`${portal.origin}/api/claims/${json.id}`);
    expect(json).toEqual({
      id: expect.any(Number),
      claimNumber: expect.stringMatching(/\S/),
      status: 'received',
      reportedAt: expect.any(String),
      attachments: [
        {
          id: expect.any(String),
          filename: 'hátsó lökhárító.jpg',
          contentType: 'image/jpeg',
          sizeBytes: jpeg.byteLength,
          sha256: sha256(jpeg),
          uploadedAt: expect.any(String),
        },
      ],
      acknowledgementDocumentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    reported = { id: json.id, claimNumber: json.claimNumber, attachmentId: json.attachments[0].id, jpeg };

    const [claim] = await db.sequelize.query<Record<string, any>>(
      `select claim_number, policy_id, customer_id, claim_type, status, estimated_damage_huf, other_party, contact_preference, client_id, acknowledgement_document_id
         from claims where id = :id`,
      { replacements: { id: json.id }, type: QueryTypes.SELECT },
    );
    expect(claim).toMatchObject({
      claim_number: json.claimNumber,
      policy_id: Number(fields.policyId),
      customer_id: person,
      claim_type: fields.claimType,
      status: 'received',
      estimated_damage_huf: 350000,
      contact_preference: 'email',
      client_id: 'portal',
      acknowledgement_document_id: json.acknowledgementDocumentId,
    });
    const otherParty = typeof claim!.other_party === 'string' ? JSON.parse(claim!.other_party) : claim!.other_party;
    expect(otherParty).toEqual({ name: 'Kovács Péter', plate: 'ABC-123', insurer: 'Példa Biztosító Zrt.' });

    const attachments = await db.sequelize.query<{ id: string; content: Buffer; sha256: string; content_type: string; size_bytes: number }>(
      'select id, content, sha256, content_type, size_bytes from claim_attachments where claim_id = :id',
      { replacements: { id: json.id }, type: QueryTypes.SELECT },
    );
    expect(attachments).toHaveLength(1);
    expect(attachments[0]!.sha256).toBe(sha256(jpeg));
    expect(sha256(new Uint8Array(attachments[0]!.content))).toBe(sha256(jpeg));
    expect(attachments[0]!.content_type).toBe('image/jpeg');

    const documents = await db.sequelize.query<{ type: string; customer_id: number; content: Buffer }>(
      'select type, customer_id, content from documents where id = :id',
      { replacements: { id: json.acknowledgementDocumentId }, type: QueryTypes.SELECT },
    );
    expect(documents).toHaveLength(1);
    expect(documents[0]!.customer_id).toBe(person);
    expect(documents[0]!.type).toBe('karbejelentes_visszaigazolas');
    expect(Buffer.from(documents[0]!.content).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const notifications = await db.sequelize.query<{ template: string; customer_id: number }>(
      `select template, customer_id from notifications where data->>'claimNumber' = :claimNumber`,
      { replacements: { claimNumber: json.claimNumber }, type: QueryTypes.SELECT },
    );
    expect(notifications).toEqual([{ template: 'claim_acknowledgement', customer_id: person }]);
    expect(await count('notifications')).toBe(notificationsBefore + 1);
  });

  it('refuses a .jpg whose bytes are no image (422 with a code) and writes nothing', async () => {
    const before = await Promise.all(['claims', 'claim_attachments', 'documents', 'notifications'].map(count));
    const fake = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const { response, json } = await postClaim(await motorClaimFields(), [{ name: 'photo.jpg', bytes: fake }]);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(json.code).toBe('attachment_type_not_allowed');
    expect(json.errors).toContainEqual(expect.objectContaining({ field: 'attachments[0]', code: 'type_not_allowed' }));
    expect(await Promise.all(['claims', 'claim_attachments', 'documents', 'notifications'].map(count))).toEqual(before);
  });

  it('answers 400 invalid_request with field details when fields are missing, and writes nothing', async () => {
    const before = await count('claims');
    const { id: policyId } = await motorPolicy();
    const { response, json } = await postClaim({ policyId: String(policyId), claimType: 'collision' });
    expect(response.status).toBe(400);
    expect(json.code).toBe('invalid_request');
    const fields = (json.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['occurredAt', 'place', 'description']));
    expect(await count('claims')).toBe(before);
  });

  it('answers 400 for an otherParty that is not JSON', async () => {
    const { response, json } = await postClaim({ ...(await motorClaimFields()), otherParty: '{name: x' });
    expect(response.status).toBe(400);
    expect(json.code).toBe('invalid_request');
    expect(json.errors).toEqual([expect.objectContaining({ field: 'otherParty', code: 'invalid_json' })]);
  });

  it('refuses invalid UTF-8 in a text field with 422 and the code a JSON body gets for text that is not text (issue 15, finding 13)', async () => {
    const before = await Promise.all(['claims', 'claim_attachments', 'documents', 'notifications'].map(count));
    const fields = await motorClaimFields();
    const boundary = 'gp-test-boundary-7d2f';
    const part = (name: string, value: Uint8Array | string) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n')]);
    // "Győr" with its ő cut in half (0xC5 without its continuation byte), then a stray 0xFF.
    const broken = Buffer.concat([Buffer.from('Gy'), Buffer.from([0xc5]), Buffer.from('r, Baross út '), Buffer.from([0xff]), Buffer.from('15.')]);
    const body = Buffer.concat([
      ...Object.entries(fields)
        .filter(([name, value]) => value !== undefined && name !== 'place')
        .map(([name, value]) => part(name, value!)),
      part('place', broken),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const url = new URL('/api/claims', portal.origin);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        origin: portal.origin,
        'x-gp-request': '1',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(await sessionHeaders(personSession, 'POST', url)),
      },
      body,
    });
    const json = await response.json();
    expect(response.status, JSON.stringify(json)).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(json.errors).toEqual([expect.objectContaining({ field: 'place', code: 'control_characters' })]);
    expect(await Promise.all(['claims', 'claim_attachments', 'documents', 'notifications'].map(count))).toEqual(before);
  });

  it('answers 415 for a JSON body', async () => {
    const { response, json } = await api(portal, '/api/claims', { origin: portal.origin, session: personSession, body: await motorClaimFields() });
    expect(response.status).toBe(415);
    expect(json.code).toBe('unsupported_media_type');
  });

  it("answers 413 for a body above the attachments' 25 MB limit, and writes nothing", async () => {
    const before = await count('claims');
    const big = new Uint8Array(26 * 1024 * 1024);
    big.set(tinyJpeg());
    const { response, json } = await postClaim(await motorClaimFields(), [{ name: 'big.jpg', bytes: big }]);
    expect(response.status).toBe(413);
    expect(json.code).toBe('payload_too_large');
    expect(await count('claims')).toBe(before);
  });

  it('answers 401 without a session', async () => {
    const { response, json } = await postClaim(await motorClaimFields(), [{ name: 'a.jpg', bytes: tinyJpeg() }], null);
    expect(response.status).toBe(401);
    expect(json.code).toBe('unauthenticated');
  });
});

/** `POST /api/claims/{id}/attachments` as the claim list sends it. */
async function postAttachments(
  claimId: number,
  files: Array<{ name: string; bytes: Uint8Array<ArrayBuffer> }>,
  session: BrowserSession | null = personSession,
) {
  const form = new FormData();
  for (const file of files) form.append('attachments', new Blob([file.bytes], { type: 'image/png' }), file.name);
  const url = new URL(`/api/claims/${claimId}/attachments`, portal.origin);
  const headers: Record<string, string> = { origin: portal.origin, 'x-gp-request': '1' };
  if (session) Object.assign(headers, await sessionHeaders(session, 'POST', url));
  const response = await fetch(url, { method: 'POST', headers, body: form });
  const text = await response.text();
  record(portal, url.href, response, text);
  return { response, json: text ? JSON.parse(text) : null };
}

describe('the other party of a motor collision (issue 17 point 5)', () => {
  it('takes "the other vehicle drove off" or "none" without a name and plate, and shows the choice on the detail', async () => {
    const fields = await motorClaimFields();
    const situation = fields.claimType === 'collision' ? 'hit_and_run' : 'no_vehicle';
    const { response, json } = await postClaim({ ...fields, otherParty: undefined, otherPartySituation: situation });
    expect(response.status, JSON.stringify(json)).toBe(201);
    const detail = await api(portal, `/api/claims/${json.id}`, { origin: portal.origin, session: personSession });
    expect(detail.json).toMatchObject({ otherParty: null, otherPartySituation: situation });
  });

  it('still requires the other vehicle when the customer says nothing of it (422 other_party_required), and refuses an unknown situation (400)', async () => {
    const before = await count('claims');
    const missing = await postClaim({ ...(await motorClaimFields()), otherParty: undefined });
    expect(missing.response.status).toBe(422);
    expect(missing.response.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.json.code).toBe('other_party_required');
    const odd = await postClaim({ ...(await motorClaimFields()), otherParty: undefined, otherPartySituation: 'ufo' });
    expect(odd.response.status).toBe(400);
    expect(odd.json.errors).toEqual([expect.objectContaining({ field: 'otherPartySituation' })]);
    expect(await count('claims')).toBe(before);
  });
});

describe('POST /api/claims/{id}/attachments (issue 17 point 5)', () => {
  /** A claim of its own: the shared one keeps its single attachment for the tests below. */
  async function ownClaim(): Promise<{ id: number }> {
    const { response, json } = await postClaim(await motorClaimFields());
    expect(response.status).toBe(201);
    return { id: json.id };
  }

  it('adds a file to the customer’s open claim and audits it', async () => {
    const claim = await ownClaim();
    const jpeg = tinyJpeg();
    const { response, json } = await postAttachments(claim.id, [{ name: 'javítási árajánlat.jpg', bytes: jpeg }]);
    expect(response.status, JSON.stringify(json)).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(json).toEqual({
      attachments: [
        {
          id: expect.any(String),
          filename: 'javítási árajánlat.jpg',
          contentType: 'image/jpeg',
          sizeBytes: jpeg.byteLength,
          sha256: sha256(jpeg),
          uploadedAt: expect.any(String),
        },
      ],
    });
    const detail = await api(portal, `/api/claims/${claim.id}`, { origin: portal.origin, session: personSession });
    expect((detail.json.attachments as Array<{ id: string }>).map((a) => a.id)).toContain(json.attachments[0].id);
    const [audit] = await db.sequelize.query<{ n: string }>(
      "select count(*) as n from audit_events where action = 'claim.attachments_added' and subject_id = :id and client_id = 'portal'",
      { replacements: { id: String(claim.id) }, type: QueryTypes.SELECT },
    );
    expect(Number(audit!.n)).toBe(1);
  });

  it('refuses a fake PNG (422 attachment_type_not_allowed), a closed claim (409 claim_closed), another customer (404), no session (401); none writes', async () => {
    const claim = await ownClaim();
    const before = await count('claim_attachments');
    const fake = await postAttachments(claim.id, [{ name: 'photo.png', bytes: new TextEncoder().encode('<svg onload=alert(1)>') }]);
    expect(fake.response.status).toBe(422);
    expect(fake.response.headers.get('content-type')).toContain('application/problem+json');
    expect(fake.json.code).toBe('attachment_type_not_allowed');
    expect(fake.json.errors).toContainEqual(expect.objectContaining({ field: 'attachments[0]', code: 'type_not_allowed' }));

    const none = await postAttachments(claim.id, []);
    expect([none.response.status, none.json.code]).toEqual([422, 'attachments_required']);
    const stranger = await postAttachments(claim.id, [{ name: 'a.jpg', bytes: tinyJpeg() }], companySession);
    expect([stranger.response.status, stranger.json.code]).toEqual([404, 'claim_not_found']);
    const anonymous = await postAttachments(claim.id, [{ name: 'a.jpg', bytes: tinyJpeg() }], null);
    expect(anonymous.response.status).toBe(401);

    const closedId = (await ownClaim()).id;
    await db.sequelize.query("update claims set status = 'closed' where id = :id", { replacements: { id: closedId } });
    const closed = await postAttachments(Number(closedId), [{ name: 'a.jpg', bytes: tinyJpeg() }]);
    expect([closed.response.status, closed.json.code]).toEqual([409, 'claim_closed']);
    expect(await count('claim_attachments')).toBe(before);
  });

  it('refuses files on a rejected or a paid claim as on a closed one (409 claim_closed): no file, no row, no audit, the claim untouched', async () => {
    for (const status of ['rejected', 'paid'] as const) {
      const { id } = await ownClaim();
      await db.sequelize.query('update claims set status = :status where id = :id', { replacements: { status, id } });
      const claimRow = () => db.sequelize.query('select status, updated_at from claims where id = :id', { replacements: { id }, type: QueryTypes.SELECT });
      const [files, audits, claimBefore] = [await count('claim_attachments'), await count('audit_events'), await claimRow()];

      const refused = await postAttachments(id, [{ name: 'késői számla.jpg', bytes: tinyJpeg() }]);
      expect([refused.response.status, refused.json.code], status).toEqual([409, 'claim_closed']);
      expect(refused.response.headers.get('content-type')).toContain('application/problem+json');
      expect([await count('claim_attachments'), await count('audit_events'), await claimRow()]).toEqual([files, audits, claimBefore]);
    }
  });
});

describe('GET /api/claims', () => {
  it('lists the claim with its status history', async () => {
    const claim = await reportOne();
    const { response, json } = await api(portal, '/api/claims', { origin: portal.origin, session: personSession });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const item = (json.items as Array<Record<string, any>>).find((i) => i.id === claim.id);
    expect(item).toMatchObject({
      claimNumber: claim.claimNumber,
      status: 'received',
      attachmentCount: 1,
      history: [{ status: 'received', note: expect.any(String), at: expect.any(String) }],
    });
    expect(json.total).toBeGreaterThanOrEqual(1);
  });

  it('answers 401 without a session', async () => {
    const { response, json } = await api(portal, '/api/claims', { origin: portal.origin });
    expect(response.status).toBe(401);
    expect(json.code).toBe('unauthenticated');
  });

  it("does not show the person's claim to the company", async () => {
    const claim = await reportOne();
    const { response, json } = await api(portal, '/api/claims', { origin: portal.origin, session: companySession });
    expect(response.status).toBe(200);
    expect((json.items as Array<{ id: number }>).map((i) => i.id)).not.toContain(claim.id);
  });
});

describe('GET /api/claims/{id} and its attachment', () => {
  it('answers the detail to the owner', async () => {
    const claim = await reportOne();
    const { response, json } = await api(portal, `/api/claims/${claim.id}`, { origin: portal.origin, session: personSession });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(json).toMatchObject({
      id: claim.id,
      claimNumber: claim.claimNumber,
      otherParty: { name: 'Kovács Péter', plate: 'ABC-123', insurer: 'Példa Biztosító Zrt.' },
      attachments: [{ id: claim.attachmentId, sha256: sha256(claim.jpeg) }],
      history: [{ status: 'received' }],
    });
  });

  it('serves the file to the owner as a download', async () => {
    const claim = await reportOne();
    const url = new URL(`/api/claims/${claim.id}/attachments/${claim.attachmentId}`, portal.origin);
    const response = await fetch(url, {
      headers: { origin: portal.origin, 'x-gp-request': '1', ...(await sessionHeaders(personSession, 'GET', url)) },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // Issue 15, finding 12: an upload opened in the browser runs nothing and has no origin of ours.
    expect(response.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="hatso lokharito.jpg"; filename*=UTF-8''${encodeURIComponent('hátsó lökhárító.jpg')}`,
    );
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(claim.jpeg));
  });

  it("answers 404 to the company for the person's claim and its attachment", async () => {
    const claim = await reportOne();
    const detail = await api(portal, `/api/claims/${claim.id}`, { origin: portal.origin, session: companySession });
    expect(detail.response.status).toBe(404);
    expect(detail.json.code).toBe('claim_not_found');
    const file = await api(portal, `/api/claims/${claim.id}/attachments/${claim.attachmentId}`, { origin: portal.origin, session: companySession });
    expect(file.response.status).toBe(404);
    expect(file.json.code).toBe('claim_not_found');
    expect(file.text).not.toContain('JFIF');
  });

  it('answers 404 for an unknown attachment of the own claim, 400 for a malformed id, 401 without a session', async () => {
    const claim = await reportOne();
    const unknown = await api(portal, `/api/claims/${claim.id}/attachments/00000000-0000-4000-8000-000000000000`, {
      origin: portal.origin,
      session: personSession,
    });
    expect(unknown.response.status).toBe(404);
    expect(unknown.json.code).toBe('attachment_not_found');
    const malformed = await api(portal, '/api/claims/abc', { origin: portal.origin, session: personSession });
    expect(malformed.response.status).toBe(400);
    expect(malformed.json.code).toBe('invalid_request');
    const anonymous = await api(portal, `/api/claims/${claim.id}/attachments/${claim.attachmentId}`, { origin: portal.origin });
    expect(anonymous.response.status).toBe(401);
  });
});

describe('a broker-scoped partner', () => {
  it("sees the person's claim only when the claim's policy is its broker's", async () => {
    const claim = await reportOne();
    const [row] = await db.sequelize.query<{ same: boolean }>(
      `select coalesce(p.broker_id = pc.broker_id, false) as same from claims c join policies p on p.id = c.policy_id
         cross join partner_clients pc where c.id = :id and pc.client_id = 'biztos-pont'`,
      { replacements: { id: claim.id }, type: QueryTypes.SELECT },
    );
    const { session } = await loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON });
    const detail = await api(portal, `/api/claims/${claim.id}`, { origin: BROKER_ORIGIN, session });
    expect(detail.response.status).toBe(row!.same ? 200 : 404);
    const list = await api(portal, '/api/claims', { origin: BROKER_ORIGIN, session });
    expect((list.json.items as Array<{ id: number }>).some((i) => i.id === claim.id)).toBe(row!.same);
  });
});

describe('OpenAPI', () => {
  it('describes the multipart body of POST /claims', async () => {
    const { response, json } = await api(portal, '/api/openapi.json', { origin: portal.origin });
    expect(response.status).toBe(200);
    const body = json.paths['/claims'].post.requestBody.content['multipart/form-data'].schema;
    const schema = body.$ref ? json.components.schemas[body.$ref.split('/').pop()] : body;
    expect(schema.required).toEqual(expect.arrayContaining(['policyId', 'claimType', 'occurredAt', 'place', 'description']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['attachments', 'otherParty', 'estimatedDamageHuf', 'contactPreference']));
    expect(json.paths['/claims/{id}/attachments/{attachmentId}'].get).toBeDefined();
    expect(json.paths['/claims/{id}/attachments'].post.requestBody.content['multipart/form-data']).toBeDefined();
    expect(Object.keys(schema.properties)).toContain('otherPartySituation');
  });
});
