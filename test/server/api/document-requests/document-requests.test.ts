import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../support/database.ts';
import { describeOpenApiPaths, describeRefusalsWithoutSession, useLoggedInCustomers } from '../logged-in-customers.ts';

const db = useTestDatabase();
const c = useLoggedInCustomers(db);
const { person, company, count, policyIdOf } = c;

describe('document requests', () => {
  it('lists the requestable types of a motor contract, with the claims-history certificate', async () => {
    const kgfb = await policyIdOf(c.personId, 'kgfb');
    const { response, json } = await person(`/api/document-requests/types?policyId=${kgfb}`);
    expect(response.status).toBe(200);
    expect(json.items.map((t: { type: string }) => t.type)).toContain('kartorteneti_igazolas');
    const home = await policyIdOf(c.personId, 'home');
    const homeTypes = await person(`/api/document-requests/types?policyId=${home}`);
    expect(homeTypes.json.items.map((t: { type: string }) => t.type)).not.toContain('kartorteneti_igazolas');
    const foreign = await company(`/api/document-requests/types?policyId=${kgfb}`);
    expect(foreign.response.status).toBe(404);
  });

  it('requests a claims-history certificate for a motor contract: 201, and it is in the mailbox', async () => {
    const kgfb = await policyIdOf(c.personId, 'kgfb');
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
    const home = await policyIdOf(c.personId, 'home');
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

describeRefusalsWithoutSession(c, [
  ['GET', '/api/document-requests'],
  ['GET', '/api/document-requests/types?policyId=1'],
  ['POST', '/api/document-requests'],
]);
describeOpenApiPaths(c, ['/document-requests', '/document-requests/types']);
