// The birth date on the registration page is written as the page's language writes dates: a
// Hungarian page shows and reads "1958. 09. 23.", an English one "1958-09-23" — never the
// browser's own format, which a date input would show (01/15/2027 on a Hungarian page in an
// English browser). The server reads what is typed; anything else is an HTML page with the error.
import { beforeAll, describe, expect, it } from 'vitest';
import { birthDate } from '../../idp/self-service/normalise.ts';
import { DEMO_LOGINS, seedDemoData } from '../../server/seed/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { testPartnerSecrets } from '../support/partner-secrets.ts';
import { codes, count, createHarness, personForm, type Harness } from './register-harness.ts';

const db = useTestDatabase();
let h: Harness;
const odon = DEMO_LOGINS.unregisteredPerson; // born 1958-09-23

beforeAll(async () => {
  await seedDemoData(db.sequelize, testPartnerSecrets);
  h = await createHarness(db.sequelize);
}, 120_000);

/** The birth date input's markup on a page. */
const birthDateInput = (html: string) => /<input id="birthDate"[^>]*>/s.exec(html)?.[0] ?? '';
const accounts = () =>
  count(db.sequelize, 'select 1 from accounts a join customers c on c.id = a.customer_id where c.customer_number = :n', { n: odon.customerNumber });

describe('the birth date on the registration page', () => {
  it('is a text field with the page language’s format as its hint, never a date input', async () => {
    const hu = await (await h.get(`/account/register?next=1&kind=person&customer=${odon.customerNumber}`)).text();
    expect(hu).not.toContain('type="date"');
    expect(birthDateInput(hu)).toMatch(/type="text"[^>]*autocomplete="bday"[^>]*aria-describedby="birthDate-hint"/s);
    expect(hu).toContain('<p class="hint" id="birthDate-hint">Év, hónap, nap sorrendben (ÉÉÉÉ. HH. NN.), például 1958. 09. 23.</p>');

    const en = await (await h.get(`/account/register?next=1&kind=person&customer=${odon.customerNumber}&lang=en`)).text();
    expect(en).not.toContain('type="date"');
    expect(en).toContain('<p class="hint" id="birthDate-hint">Year, month, day (YYYY-MM-DD), for example 1958-09-23</p>');
  });

  it('shows a date sent in the canonical form (autofill) as the page’s language writes it', async () => {
    const form = { ...personForm(odon, 'odon@example.org'), birthDate: '1958-09-23', postcode: 'x' };
    const hu = await (await h.post('/account/register?lang=hu', form)).text();
    expect(birthDateInput(hu)).toContain('value="1958. 09. 23."');
    const en = await (await h.post('/account/register?lang=en', form)).text();
    expect(birthDateInput(en)).toContain('value="1958-09-23"');
  });

  it('refuses a day-first or month-first date with the field’s error on an HTML page, echoes it, and registers nobody', async () => {
    for (const typed of ['09/23/1958', '23.09.1958', '23. 09. 1958', '1958. 13. 01.']) {
      const res = await h.post('/account/register?lang=hu', { ...personForm(odon, 'odon@example.org'), birthDate: typed });
      expect(res.status, typed).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(codes(html), typed).toEqual(['birth_date_invalid']);
      expect(birthDateInput(html)).toContain(`value="${typed}"`);
      expect(birthDateInput(html)).toMatch(/aria-invalid="true"[^>]*aria-describedby="birthDate-hint birthDate-error"/s);
    }
    expect(await accounts()).toBe(0);
  });

  it('accepts the English page’s format', async () => {
    const res = await h.post('/account/register?lang=en', { ...personForm(odon, 'odon@example.org'), birthDate: '1958-09-23' });
    expect(res.status).toBe(200);
    expect(codes(await res.text())).toEqual(['check_inbox']);
    expect(await accounts()).toBe(1);
  });

  it('is read by the normaliser in the forms the pages ask for, and no day-first or month-first one', () => {
    const today = new Date('2026-12-07T00:00:00Z');
    for (const typed of ['1958. 09. 23.', '1958.09.23.', '1958. 9. 23', '1958-09-23', '1958/09/23']) expect(birthDate(typed, today), typed).toBe('1958-09-23');
    for (const typed of ['09/23/1958', '23.09.1958', '1958. 02. 30.', '1899. 12. 31.', '2027. 01. 15.', '']) expect(birthDate(typed, today), typed).toBeNull();
  });
});
