import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import * as oidc from 'openid-client';
import { decodeJwt } from 'jose';
import { PDFDocument } from 'pdf-lib';
import { useTestDatabase } from '../../../support/database.ts';
import { addOperationsClient } from '../../../../server/cli/commands/partner.ts';
import { api, Browser, BROKER_ORIGIN, loginSession, PERSON, relyingParty, startPortal, throughIdpPages, type RunningPortal } from '../session/harness.ts';
import { testPartnerSecrets } from '../../../support/partner-secrets.ts';

/**
 * `POST /api/operations/documents` through the real app on loopback: an operations client gets a
 * client-credentials token (scope admin) from the bundled IdP, and issues documents into the
 * demo person's mailbox; customers' credentials are refused, and customers' clients cannot get
 * client-credentials tokens at all.
 */
const db = useTestDatabase();
let portal: RunningPortal;
let adminToken: string;
let policyNumber: string;
const OPS_CLIENT = 'ops-backoffice';

async function operationsConfig(clientId: string, secret: string): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(portal.issuer), clientId, undefined, oidc.ClientSecretBasic(secret), { execute: [oidc.allowInsecureRequests] });
}

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  const secret = await addOperationsClient(db.sequelize, testPartnerSecrets, { clientId: OPS_CLIENT, name: 'Back office' });
  const config = await operationsConfig(OPS_CLIENT, secret);
  const tokens = await oidc.clientCredentialsGrant(config, { scope: 'admin', resource: `${portal.origin}/api` });
  adminToken = tokens.access_token;
  const [policy] = await db.sequelize.query<{ policy_number: string }>(
    `select p.policy_number from policies p join customers c on c.id = p.customer_id
      where c.customer_number = :customerNumber and p.status = 'active' order by p.id limit 1`,
    { replacements: { customerNumber: PERSON.customerNumber }, type: QueryTypes.SELECT },
  );
  policyNumber = policy!.policy_number;
});
afterAll(() => portal?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function counts() {
  const [row] = await db.sequelize.query<{ documents: number; notifications: number }>(
    `select (select count(*)::int from documents) as documents,
            (select count(*)::int from notifications where template = 'document_notification') as notifications`,
    { type: QueryTypes.SELECT },
  );
  return row!;
}

async function pdfBytes(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Operations test document');
  return doc.save();
}

function uploadForm(file: Blob, fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', file, 'document.pdf');
  return form;
}

async function postForm(token: string, form: FormData) {
  const response = await fetch(new URL('/api/operations/documents', portal.origin), { method: 'POST', headers: bearer(token), body: form });
  const text = await response.text();
  return { response, json: text ? JSON.parse(text) : null };
}

describe('the operations credential', () => {
  it('is a JWT access token for the API with scope admin, for the client itself', () => {
    const claims = decodeJwt(adminToken);
    expect(claims.aud).toBe(`${portal.origin}/api`);
    expect(claims.scope).toBe('admin');
    expect(claims.client_id).toBe(OPS_CLIENT);
    expect(claims.sub).toBe(OPS_CLIENT);
  });

  it('cannot be had by a customer (partner) client', async () => {
    const config = await relyingParty(portal, 'biztos-pont');
    const attempt = oidc.clientCredentialsGrant(config, { scope: 'admin', resource: `${portal.origin}/api` });
    const error = await attempt.then(
      () => null,
      (e: { error?: string; error_description?: string }) => e,
    );
    // oidc-provider answers a grant type the client is not registered for with invalid_request.
    expect(error?.error).toBe('invalid_request');
    expect(error?.error_description).toBe('requested grant type is not allowed for this client');
  });
});

describe('POST /api/operations/documents', () => {
  it("issues a template document into the customer's mailbox with its notification", async () => {
    const before = await counts();
    const { response, json } = await api(portal, '/api/operations/documents', {
      gp: false,
      headers: bearer(adminToken),
      body: { customerNumber: PERSON.customerNumber, type: 'kotveny', policyNumber },
    });
    expect(response.status, JSON.stringify(json)).toBe(201);
    expect(json).toEqual({ documentId: expect.any(String), notificationQueued: true });
    const [doc] = await db.sequelize.query<{ source: string; type: string; customer_number: string }>(
      `select d.source, d.type, c.customer_number from documents d join customers c on c.id = d.customer_id where d.id = :id`,
      { replacements: { id: json.documentId }, type: QueryTypes.SELECT },
    );
    expect(doc).toEqual({ source: 'operations', type: 'kotveny', customer_number: PERSON.customerNumber });
    const [notification] = await db.sequelize.query<{ n: number }>(
      `select count(*)::int as n from notifications where template = 'document_notification' and data::text like :id`,
      { replacements: { id: `%${json.documentId}%` }, type: QueryTypes.SELECT },
    );
    expect(notification!.n).toBe(1);
    const [audit] = await db.sequelize.query<{ actor_type: string; actor_id: string }>(
      `select actor_type, actor_id from audit_events where action = 'document.issued' and subject_id = :id`,
      { replacements: { id: json.documentId }, type: QueryTypes.SELECT },
    );
    expect(audit).toEqual({ actor_type: 'operator', actor_id: OPS_CLIENT });
    expect(await counts()).toEqual({ documents: before.documents + 1, notifications: before.notifications + 1 });
  });

  it('delivers an uploaded PDF', async () => {
    const before = await counts();
    const pdf = await pdfBytes();
    const { response, json } = await postForm(
      adminToken,
      uploadForm(new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), { customerNumber: PERSON.customerNumber, type: 'kotveny', policyNumber }),
    );
    expect(response.status, JSON.stringify(json)).toBe(201);
    expect(json.notificationQueued).toBe(true);
    const [doc] = await db.sequelize.query<{ size_bytes: number; source: string }>(`select size_bytes, source from documents where id = :id`, {
      replacements: { id: json.documentId },
      type: QueryTypes.SELECT,
    });
    expect(doc).toEqual({ size_bytes: pdf.byteLength, source: 'operations' });
    expect(await counts()).toEqual({ documents: before.documents + 1, notifications: before.notifications + 1 });
  });

  it('refuses a file that is not a PDF (422) and writes nothing', async () => {
    const before = await counts();
    const { response, json } = await postForm(
      adminToken,
      uploadForm(new Blob(['just some text, not a PDF'], { type: 'application/pdf' }), {
        customerNumber: PERSON.customerNumber,
        type: 'kotveny',
        policyNumber,
      }),
    );
    expect(response.status).toBe(422);
    expect(json.code).toBe('not_a_pdf');
    expect(await counts()).toEqual(before);
  });

  it('answers an unknown customer 404 customer_not_found', async () => {
    const { response, json } = await api(portal, '/api/operations/documents', {
      gp: false,
      headers: bearer(adminToken),
      body: { customerNumber: '99999999', type: 'kotveny', policyNumber },
    });
    expect(response.status).toBe(404);
    expect(json.code).toBe('customer_not_found');
  });

  it("refuses a customer's session session (403 forbidden)", async () => {
    const { session } = await loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont' });
    const before = await counts();
    const { response, json } = await api(portal, '/api/operations/documents', {
      origin: BROKER_ORIGIN,
      session,
      body: { customerNumber: PERSON.customerNumber, type: 'kotveny', policyNumber },
    });
    expect(response.status).toBe(403);
    expect(json.code).toBe('forbidden');
    expect(await counts()).toEqual(before);
  });

  it("refuses a customer's bearer token (403 forbidden), and no credentials at all (401)", async () => {
    const config = await relyingParty(portal, 'biztos-pont');
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: portal.callbackUrl,
      scope: 'openid portal admin',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
    });
    const { callback } = await throughIdpPages(portal, new Browser(portal.origin), url.href, PERSON);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), { pkceCodeVerifier: codeVerifier, expectedState: state });
    expect(String(decodeJwt(tokens.access_token).scope).split(' ')).not.toContain('admin');

    const body = { customerNumber: PERSON.customerNumber, type: 'kotveny', policyNumber };
    const refused = await api(portal, '/api/operations/documents', { gp: false, headers: bearer(tokens.access_token), body });
    expect(refused.response.status).toBe(403);
    expect(refused.json.code).toBe('forbidden');

    const anonymous = await api(portal, '/api/operations/documents', { gp: false, body });
    expect(anonymous.response.status).toBe(401);
  });
});
