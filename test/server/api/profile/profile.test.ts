import { describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { PERSON, COMPANY } from '../session/harness.ts';
import { useTestDatabase } from '../../../support/database.ts';
import { describeOpenApiPaths, describeRefusalsWithoutSession, useLoggedInCustomers } from '../logged-in-customers.ts';

const db = useTestDatabase();
const c = useLoggedInCustomers(db);
const { person, company, one, count } = c;

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
    const before = await one<Record<string, unknown>>('select phone, correspondence_address, language, updated_at from customers where id = $1', [c.personId]);
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
    const after = await one<Record<string, unknown>>('select phone, correspondence_address, language, updated_at from customers where id = $1', [c.personId]);
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
    const row = await one<{ phone: string; language: string }>('select phone, language from customers where id = $1', [c.personId]);
    expect(row).toMatchObject({ phone: '+36 30 555 1234', language: 'en' });
    const audit = await db.sequelize.query<{ client_id: string; metadata: Record<string, unknown> }>(
      `select client_id, metadata from audit_events where action = 'profile.changed' and customer_id = $1 order by id desc limit 1`,
      { bind: [c.personId], type: QueryTypes.SELECT },
    );
    expect(audit[0]?.client_id).toBe('portal');
    expect(JSON.stringify(audit[0]?.metadata)).not.toContain('555');
    expect(JSON.stringify(audit[0]?.metadata)).not.toContain('Baross');

    const same = await person('/api/me', { method: 'PATCH', body: { phone: '+36 30 555 1234' } });
    expect(same.json.changed).toEqual([]);
  });
});

describeRefusalsWithoutSession(c, [
  ['GET', '/api/me'],
  ['PATCH', '/api/me'],
]);
describeOpenApiPaths(c, ['/me'], (json) => expect(json.paths['/me'].patch.security).toEqual([{ session: [] }, { bearer: [] }]));
