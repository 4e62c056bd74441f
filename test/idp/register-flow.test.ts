import { beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { verifyPassword } from '../../common/accounts/password.ts';
import { DEMO_LOGINS, seedDemoData } from '../../server/seed/index.ts';
import { useTestDatabase } from '../support/database.ts';
import {
  codes,
  companyForm,
  count,
  createHarness,
  freeCustomers,
  GOOD_PASSWORD,
  notificationsTo,
  personForm,
  sha256,
  tokenOf,
  type Harness,
} from './register-harness.ts';
import { testPartnerSecrets } from '../support/partner-secrets.ts';
import { birthDateAsWritten } from '../../idp/self-service/register-pages.ts';

const db = useTestDatabase();
let h: Harness;
const { unregisteredPerson: odon, unregisteredCompany: orseg, person: erzsebet, company: furge } = DEMO_LOGINS;

beforeAll(async () => {
  await seedDemoData(db.sequelize, testPartnerSecrets);
  h = await createHarness(db.sequelize);
}, 120_000);

async function accountOf(customerNumber: string) {
  const [row] = await db.sequelize.query<{ id: string; username: string; password_hash: string; email_verified_at: Date | null }>(
    `select a.id, a.username, a.password_hash, a.email_verified_at from accounts a join customers c on c.id = a.customer_id
      where c.customer_number = :customerNumber`,
    { replacements: { customerNumber }, type: QueryTypes.SELECT },
  );
  return row;
}

describe('registration pages', () => {
  it('step 1 asks who registers, pre-fills the customer number from the e-mail button, in Hungarian by default', async () => {
    const res = await h.get(`/account/register?customer=${odon.customerNumber}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="hu">');
    expect(html).toContain('Regisztráció');
    expect(html).toMatch(/<legend>Ki regisztrál\?<\/legend>/);
    expect(html).toMatch(/type="radio" id="kind" name="kind" value="person"/);
    expect(html).toMatch(/type="radio" id="kind-company" name="kind" value="company"/);
    expect(html).toMatch(new RegExp(`id="customer" name="customer" type="text" value="${odon.customerNumber}"`));
    expect(html).toContain('<label for="customer">Ügyfélszám</label>');

    const en = await (await h.get(`/account/register?customer=${odon.customerNumber}&lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Who is registering?');
  });

  it('step 2 shows only the identifying fields of the chosen kind; a missing choice is an error tied to the field', async () => {
    const person = await (await h.get(`/account/register?next=1&kind=person&customer=${odon.customerNumber}`)).text();
    expect(person).toMatch(/<input id="birthDate" name="birthDate" type="text"/);
    expect(person).toContain('id="postcode"');
    expect(person).not.toContain('id="taxNumber"');
    expect(person).toMatch(/method="post" action="\/account\/register\?lang=hu"/);

    const company = await (await h.get(`/account/register?next=1&kind=company&customer=${orseg.customerNumber}&lang=en`)).text();
    expect(company).toContain('id="taxNumber"');
    expect(company).not.toContain('id="birthDate"');

    const missing = await (await h.get(`/account/register?next=1&customer=123`)).text();
    expect(codes(missing)).toEqual(['kind_required', 'customer_number_invalid']);
    expect(missing).toContain('id="kind-error"');
    expect(missing).toMatch(/id="kind"[^>]*aria-invalid="true"[^>]*aria-describedby="kind-error"[^>]*autofocus/s);
  });

  it('shows format errors at their fields, focuses the first, and never echoes a password', async () => {
    const res = await h.post('/account/register', {
      kind: 'person',
      customer: odon.customerNumber,
      birthDate: '1958-02-30',
      postcode: '040',
      email: 'not an address',
      password: 'rövid',
      passwordConfirm: 'rövid',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(codes(html)).toEqual(['birth_date_invalid', 'postcode_invalid', 'email_invalid', 'password_too_short']);
    expect(html).toMatch(/<input id="birthDate"[^>]*aria-invalid="true"[^>]*aria-describedby="birthDate-hint birthDate-error"[^>]*autofocus/s);
    expect(html).toContain('href="#postcode"');
    expect(html).not.toContain('rövid');
    expect(
      await count(db.sequelize, 'select 1 from accounts a join customers c on c.id = a.customer_id where c.customer_number = :n', { n: odon.customerNumber }),
    ).toBe(0);

    const mismatch = await h.post('/account/register', { ...personForm(odon, 'odon@example.org'), passwordConfirm: `${GOOD_PASSWORD}!` });
    expect(codes(await mismatch.text())).toEqual(['password_mismatch']);
  });

  it('refuses a form posted without our Origin', async () => {
    const none = await h.post('/account/register', personForm(odon, 'odon@example.org'), { origin: null });
    expect(none.status).toBe(403);
    const other = await h.post('/account/register', personForm(odon, 'odon@example.org'), { origin: 'https://evil.example' });
    expect(other.status).toBe(403);
  });
});

describe('registering', () => {
  it('creates an unverified account for the seeded private person, with a hashed token and the verify_email e-mail', async () => {
    // Typed the way people type: spaces in the number, Hungarian date form, capitals in the address.
    const res = await h.post('/account/register?lang=en', {
      ...personForm({ ...odon, customerNumber: '1046 7023', birthDate: '1958. 09. 23.' }, '  Odon.Gyori@Example.COM '),
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(codes(html)).toEqual(['check_inbox']);
    expect(html).toContain('Check your inbox');

    const account = await accountOf(odon.customerNumber);
    expect(account).toBeDefined();
    expect(account!.username).toBe('odon.gyori@example.com');
    expect(account!.email_verified_at).toBeNull();
    expect(await verifyPassword(GOOD_PASSWORD, account!.password_hash)).toBe(true);

    const tokens = await db.sequelize.query<{ token_hash: string; expires_at: Date; used_at: Date | null }>(
      `select token_hash, expires_at, used_at from account_tokens where account_id = :id and purpose = 'verify_email'`,
      { replacements: { id: account!.id }, type: QueryTypes.SELECT },
    );
    expect(tokens).toHaveLength(1);
    const hoursLeft = (tokens[0]!.expires_at.getTime() - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(23.9);
    expect(hoursLeft).toBeLessThanOrEqual(24);

    const [mail, ...more] = await notificationsTo(db.sequelize, 'odon.gyori@example.com');
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ template: 'verify_email', language: 'en', to_address: 'odon.gyori@example.com' });
    const token = tokenOf(mail!.data.verifyUrl!);
    expect(mail!.data.verifyUrl).toMatch(/^http:\/\/localhost:3000\/account\/verify-email\?token=/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(tokens[0]!.token_hash).toBe(sha256(token)); // only the hash is stored
    expect(tokens[0]!.token_hash).not.toBe(token);

    expect(
      await count(db.sequelize, `select 1 from audit_events where action = 'account.registered' and subject_id = :id and customer_id is not null`, {
        id: account!.id,
      }),
    ).toBe(1);
  });

  it('creates the account of the seeded company, with the tax number typed with or without dashes', async () => {
    const res = await h.post('/account/register', companyForm({ ...orseg, taxNumber: orseg.taxNumber.replace(/-/g, '') }, orseg.email));
    expect(res.status).toBe(200);
    expect(codes(await res.text())).toEqual(['check_inbox']);
    const account = await accountOf(orseg.customerNumber);
    expect(account?.username).toBe(orseg.email);
    expect(account?.email_verified_at).toBeNull();
    const mails = await notificationsTo(db.sequelize, orseg.email, 'verify_email');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.language).toBe('hu');
  });

  it('answers every wrong detail and an unknown customer number with ONE message and the same page', async () => {
    const [a, b, c, d] = await freeCustomers(db.sequelize, 'person', 4);
    const [x, y, z] = await freeCustomers(db.sequelize, 'company', 3);
    const email = 'someone@example.org';
    const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const otherPostcode = (p: string) => (p === '1011' ? '1012' : '1011');
    const attempts = {
      wrongBirthDate: personForm({ ...a!, birthDate: dayAfter(a!.birthDate!) }, email),
      wrongPostcode: personForm({ ...b!, postcode: otherPostcode(b!.postcode) }, email),
      unknownNumber: personForm({ customerNumber: '99999999', birthDate: c!.birthDate, postcode: c!.postcode }, email),
      wrongKind: personForm({ customerNumber: x!.customerNumber, birthDate: d!.birthDate, postcode: x!.postcode }, email),
      wrongTaxNumber: companyForm({ ...y!, taxNumber: '12345676-2-06' === y!.taxNumber ? '28475617-1-18' : '12345676-2-06' }, email),
      wrongCompanyPostcode: companyForm({ ...z!, postcode: otherPostcode(z!.postcode) }, email),
      unknownCompanyNumber: companyForm({ customerNumber: '99999998', taxNumber: z!.taxNumber, postcode: z!.postcode }, email),
    };
    const bodies: Record<string, string> = {};
    for (const [name, form] of Object.entries(attempts)) {
      const res = await h.post('/account/register', form);
      expect(res.status, name).toBe(400);
      const html = await res.text();
      expect(codes(html), name).toEqual(['details_mismatch']);
      expect(html).toContain('A megadott adatok nem egyeznek nyilvántartásunkkal.');
      // Apart from what was typed (echoed back into the form), the pages are identical.
      let normalised = html;
      for (const value of [form.customer, 'birthDate' in form ? birthDateAsWritten(form.birthDate, 'hu') : form.taxNumber, form.postcode])
        normalised = normalised.split(value).join('«echo»');
      bodies[name] = normalised;
    }
    const person = [bodies.wrongBirthDate, bodies.wrongPostcode, bodies.unknownNumber, bodies.wrongKind];
    const company = [bodies.wrongTaxNumber, bodies.wrongCompanyPostcode, bodies.unknownCompanyNumber];
    for (const body of person) expect(body).toBe(person[0]);
    for (const body of company) expect(body).toBe(company[0]);

    const en = await (await h.post('/account/register?lang=en', attempts.wrongBirthDate)).text();
    expect(en).toContain('The details you gave do not match our records.');
    expect(await notificationsTo(db.sequelize, email)).toHaveLength(0);
    expect(await count(db.sequelize, 'select 1 from accounts where username = :email', { email })).toBe(0);
  });

  it('answers a customer who already has an account with the same page, and e-mails the account instead', async () => {
    const [fresh] = await freeCustomers(db.sequelize, 'person', 1, 10);
    const success = await h.post('/account/register', personForm(fresh!, 'fresh.customer@example.org'));
    const accountsBefore = await count(db.sequelize, 'select 1 from accounts');
    const again = await h.post('/account/register', personForm(erzsebet, 'attacker@example.org'));
    expect(again.status).toBe(success.status);
    expect(await again.text()).toBe(await success.text());
    expect(await count(db.sequelize, 'select 1 from accounts')).toBe(accountsBefore);

    const [notice] = await notificationsTo(db.sequelize, erzsebet.username, 'registration_attempt_existing');
    expect(notice).toBeDefined();
    expect(notice!.data.resetUrl).toBe('http://localhost:3000/account/forgot-password');
    expect(notice!.data.loginUrl).toBe('http://localhost:3000/');
    expect(await notificationsTo(db.sequelize, 'attacker@example.org')).toHaveLength(0);
    expect(await verifyPassword(erzsebet.password, (await accountOf(erzsebet.customerNumber))!.password_hash)).toBe(true);
  });

  it('answers an address that is already another account’s login with the same page, and tells that account', async () => {
    const [fresh] = await freeCustomers(db.sequelize, 'company', 1, 10);
    const res = await h.post('/account/register', companyForm(fresh!, furge.username.toUpperCase()));
    expect(res.status).toBe(200);
    expect(codes(await res.text())).toEqual(['check_inbox']);
    expect(await accountOf(fresh!.customerNumber)).toBeUndefined();
    const notices = await notificationsTo(db.sequelize, furge.username);
    expect(notices.map((n) => n.template)).toEqual(['registration_attempt_existing']);
  });
});

describe('registration throttling', () => {
  it('stops answering for a customer number after repeated wrong tries, even with then-correct details', async () => {
    const [target] = await freeCustomers(db.sequelize, 'person', 1, 20);
    const wrong = personForm({ ...target!, postcode: target!.postcode === '1011' ? '1012' : '1011' }, 'target@example.org');
    // From different addresses: it is the customer number that is limited.
    for (let i = 0; i < 5; i++) expect(codes(await (await h.post('/account/register', wrong)).text())).toEqual(['details_mismatch']);
    const right = await h.post('/account/register', personForm(target!, 'target@example.org'));
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(codes(await right.text())).toEqual(['too_many_attempts']);
    expect(await accountOf(target!.customerNumber)).toBeUndefined();
    expect(await notificationsTo(db.sequelize, 'target@example.org')).toHaveLength(0);

    // Another customer number is not affected.
    const [other] = await freeCustomers(db.sequelize, 'person', 1, 21);
    expect(codes(await (await h.post('/account/register', personForm({ ...other!, postcode: '1000' }, 'x@example.org'))).text())).toEqual(['details_mismatch']);
  });

  it('stops answering one client address after 30 registration posts an hour', async () => {
    const [target] = await freeCustomers(db.sequelize, 'person', 1, 22);
    const ip = '198.51.100.7';
    for (let i = 0; i < 30; i++) {
      const res = await h.post('/account/register', { ...personForm(target!, 'ip@example.org'), postcode: 'x' }, { ip });
      expect(res.status).toBe(400);
    }
    const res = await h.post('/account/register', personForm(target!, 'ip@example.org'), { ip });
    expect(res.status).toBe(429);
    expect(codes(await res.text())).toEqual(['too_many_attempts']);
    expect(await accountOf(target!.customerNumber)).toBeUndefined();
    // Another address still gets through.
    expect((await h.post('/account/register', personForm(target!, 'ip@example.org'))).status).toBe(200);
  });
});
