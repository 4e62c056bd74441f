import { beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_NAMES } from '../../../server/seed/data/names.ts';
import { PLACES } from '../../../server/seed/data/places.ts';
import { DEMO_LOGINS, describeDemoLogins } from '../../../server/seed/demo-logins.ts';
import type { SeedData } from '../../../server/seed/model.ts';
import { generateSeedData } from '../../../server/seed/plan.ts';
import { isValidTaxNumber } from '../../../common/customers/tax-number.ts';
import { PAYMENT_FREQUENCIES, PRODUCTS, PRODUCT_CODES, isAllowedPaymentTerms } from '../../../server/kernel/products.ts';
import { DOCUMENT_TYPES, appliesToProduct } from '../../../server/kernel/document-types.ts';

const TODAY = '2026-11-24';

/** The demo data set as plain objects: checked without a database. */
describe('generateSeedData', () => {
  let data: SeedData;
  beforeAll(() => {
    data = generateSeedData({ today: TODAY });
  });

  const policiesOf = (customerNumber: string) => data.policies.filter((p) => p.customerNumber === customerNumber);
  const invoicesOf = (customerNumber: string) => data.invoices.filter((i) => i.customerNumber === customerNumber);
  const documentsOf = (customerNumber: string) => data.documents.filter((d) => d.customerNumber === customerNumber);
  const overdue = (i: SeedData['invoices'][number]) => i.status === 'open' && i.dueDate < TODAY;

  it('is deterministic for a seed and a reference day', () => {
    expect(generateSeedData({ today: TODAY })).toEqual(data);
    const other = generateSeedData({ today: TODAY, seed: 7 });
    expect(other.customers.map((c) => c.customerNumber)).not.toEqual(data.customers.map((c) => c.customerNumber));
  });

  it('draws the same people on another reference day, with dates shifted', () => {
    const later = generateSeedData({ today: '2027-03-10' });
    const pick = (d: SeedData) => d.customers.map((c) => [c.customerNumber, c.name, c.taxNumber, c.email]);
    expect(pick(later)).toEqual(pick(data));
    expect(later.policies.map((p) => p.policyNumber)).toEqual(data.policies.map((p) => p.policyNumber));
    expect(later.policies.map((p) => p.startDate)).not.toEqual(data.policies.map((p) => p.startDate));
  });

  it('has at least 200 customers, a fifth of them companies', () => {
    expect(data.customers.length).toBeGreaterThanOrEqual(200);
    const companies = data.customers.filter((c) => c.kind === 'company');
    expect(companies.length / data.customers.length).toBeGreaterThanOrEqual(0.2);
    expect(new Set(data.customers.map((c) => c.customerNumber)).size).toBe(data.customers.length);
    for (const c of data.customers) expect(c.customerNumber).toMatch(/^[1-9]\d{7}$/);
  });

  it('gives persons a birth date (aged 18–85) and companies a valid, unique tax number', () => {
    for (const c of data.customers) {
      if (c.kind === 'person') {
        expect(c.taxNumber).toBeNull();
        const age = (Date.parse(TODAY) - Date.parse(c.birthDate!)) / (365.25 * 86_400_000);
        expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThan(86);
      } else {
        expect(c.birthDate).toBeNull();
        expect(isValidTaxNumber(c.taxNumber!), c.taxNumber!).toBe(true);
        expect(c.name).toMatch(/ (Kft|Bt|Zrt)\.$/);
      }
    }
    const taxNumbers = data.customers.flatMap((c) => (c.taxNumber ? [c.taxNumber] : []));
    expect(new Set(taxNumbers).size).toBe(taxNumbers.length);
  });

  it('writes names family name first, with accented ones among them', () => {
    const persons = data.customers.filter((c) => c.kind === 'person');
    for (const p of persons) expect(FAMILY_NAMES as readonly string[]).toContain(p.name.split(' ')[0]);
    const names = persons.map((p) => p.name).join(' ');
    expect(names).toMatch(/ő|Ő/);
    expect(names).toMatch(/ű|Ű|ü|Ü/);
  });

  it('uses real postcode–city pairs, mobile numbers and reserved example domains', () => {
    const known = new Set(PLACES.map((p) => `${p.postcode} ${p.city}`));
    const demoEmails = new Set<string>(Object.values(DEMO_LOGINS).map((l) => ('username' in l ? l.username : l.email)));
    for (const c of data.customers) {
      expect(known.has(`${c.postcode} ${c.city}`), `${c.postcode} ${c.city}`).toBe(true);
      expect(c.phone).toMatch(/^\+36 (20|30|70) \d{3} \d{4}$/);
      if (!demoEmails.has(c.email)) expect(c.email).toMatch(/^[a-z0-9.]+@([a-z0-9]+\.)?example\.(com|net|org)$/);
    }
    expect(new Set(data.customers.map((c) => c.email.toLowerCase())).size).toBe(data.customers.length);
  });

  it('has at least 500 policies over all four products, live and cancelled, direct and brokered', () => {
    expect(data.policies.length).toBeGreaterThanOrEqual(500);
    expect(new Set(data.policies.map((p) => p.product))).toEqual(new Set(PRODUCT_CODES));
    for (const product of PRODUCT_CODES) {
      const of = data.policies.filter((p) => p.product === product);
      expect(
        of.some((p) => p.status === 'active'),
        product,
      ).toBe(true);
      expect(
        of.some((p) => p.status === 'cancelled'),
        product,
      ).toBe(true);
    }
    const brokers = new Set(data.policies.map((p) => p.brokerCode));
    expect(brokers).toEqual(new Set([null, ...data.brokers.map((b) => b.code)]));
    expect(data.brokers[0]).toEqual({
      code: 'BIZTOSPONT',
      name: 'Biztos Pont Alkusz Kft.',
      phone: '+36 1 555 0142',
      email: 'ugyfelszolgalat@biztospont.example',
      website: 'https://biztospont.example',
    });
  });

  it('keeps every policy within its product rules', () => {
    for (const p of data.policies) {
      expect(isAllowedPaymentTerms(p.product, p.paymentFrequency, p.paymentMethod), `${p.product} ${p.paymentFrequency} ${p.paymentMethod}`).toBe(true);
      expect(p.insuredObject.kind).toBe(PRODUCTS[p.product].motor ? 'vehicle' : p.product === 'home' ? 'property' : 'travel');
      expect(p.cancelledAt !== null).toBe(p.status === 'cancelled');
      // A trip can be called off before it starts, so the floor is the purchase, not the start.
      if (p.cancelledAt) expect(p.cancelledAt >= p.createdAt.slice(0, 10) && p.cancelledAt < TODAY).toBe(true);
      if (p.cancelledAt && p.product !== 'travel') expect(p.cancelledAt >= p.startDate).toBe(true);
      // Whole-forint instalments that add up to the annual premium.
      expect(p.annualPremiumHuf % (12 / PAYMENT_FREQUENCIES[p.paymentFrequency].months)).toBe(0);
      if (p.insuredObject.kind === 'vehicle') {
        expect(p.insuredObject.plate).toMatch(/^([A-Z]{3}-\d{3}|[A-Z]{2} [A-Z]{2}-\d{3})$/);
        expect(p.insuredObject.year).toBeLessThanOrEqual(Number(p.startDate.slice(0, 4)));
      }
    }
    const plates = data.policies.flatMap((p) => (p.insuredObject.kind === 'vehicle' ? [p.insuredObject.plate] : []));
    expect(plates.some((x) => /^AA [A-Z]{2}-\d{3}$/.test(x))).toBe(true);
  });

  it('has paid, open and overdue invoices, consistent with their dates', () => {
    expect(data.invoices.some((i) => i.status === 'paid')).toBe(true);
    expect(data.invoices.some((i) => i.status === 'open' && i.dueDate >= TODAY)).toBe(true);
    expect(data.invoices.filter(overdue).length).toBeGreaterThanOrEqual(10);
    const policies = new Map(data.policies.map((p) => [p.policyNumber, p]));
    for (const i of data.invoices) {
      expect(i.paidAt !== null).toBe(i.status === 'paid');
      if (i.paidAt) expect(i.paidAt < TODAY).toBe(true);
      expect(i.createdAt < TODAY).toBe(true);
      expect(i.periodEnd >= i.periodStart).toBe(true);
      const policy = policies.get(i.policyNumber)!;
      expect(i.customerNumber).toBe(policy.customerNumber);
      expect(i.amountHuf).toBe(policy.annualPremiumHuf / (12 / PAYMENT_FREQUENCIES[policy.paymentFrequency].months));
    }
    expect(new Set(data.invoices.map((i) => i.invoiceNumber)).size).toBe(data.invoices.length);
  });

  it('has about forty claims whose history ends in their status', () => {
    expect(data.claims.length).toBeGreaterThanOrEqual(30);
    expect(data.claims.length).toBeLessThanOrEqual(60);
    const policies = new Map(data.policies.map((p) => [p.policyNumber, p]));
    for (const c of data.claims) {
      const policy = policies.get(c.policyNumber)!;
      expect(PRODUCTS[policy.product].claimTypes).toContain(c.claimType);
      expect(c.history[0]?.status).toBe('received');
      expect(c.history.at(-1)?.status).toBe(c.status);
      const times = c.history.map((h) => h.createdAt);
      expect([...times].sort()).toEqual(times);
      expect(times.at(-1)! < TODAY).toBe(true);
      expect(c.occurredAt.slice(0, 10) >= policy.startDate).toBe(true);
    }
    expect(new Set(data.claims.map((c) => c.status)).size).toBeGreaterThanOrEqual(3);
  });

  it('fills mailboxes with read and unread documents matching their policies', () => {
    expect(data.documents.length).toBeGreaterThanOrEqual(50);
    expect(data.documents.some((d) => d.readAt)).toBe(true);
    expect(data.documents.some((d) => !d.readAt)).toBe(true);
    const policies = new Map(data.policies.map((p) => [p.policyNumber, p]));
    for (const d of data.documents) {
      expect(d.input.documentId).toBe(d.id);
      expect(d.input.issuedAt < TODAY).toBe(true);
      if (d.readAt) expect(d.readAt > d.input.issuedAt).toBe(true);
      expect(d.input.customer.customerNumber).toBe(d.customerNumber);
      if ('policy' in d.input) {
        const policy = policies.get(d.policyNumber!)!;
        expect(policy.customerNumber).toBe(d.customerNumber);
        expect(appliesToProduct(d.input.type, policy.product)).toBe(true);
      }
    }
    // Several customers besides the demo ones have mail.
    const demo = new Set<string>(Object.values(DEMO_LOGINS).map((l) => l.customerNumber));
    expect(new Set(data.documents.filter((d) => !demo.has(d.customerNumber)).map((d) => d.customerNumber)).size).toBeGreaterThan(30);
  });

  it('gives the demo person everything the portal can show', () => {
    const { person } = DEMO_LOGINS;
    const customer = data.customers.find((c) => c.customerNumber === person.customerNumber)!;
    expect(customer).toMatchObject({ name: 'Szőke Erzsébet', kind: 'person', birthDate: person.birthDate, postcode: person.postcode, email: person.username });
    expect(customer.account).toMatchObject({ username: person.username, password: person.password });
    const policies = policiesOf(person.customerNumber);
    expect(new Set(policies.map((p) => p.product)).size).toBeGreaterThanOrEqual(3);
    expect(policies.some((p) => p.status === 'active') && policies.some((p) => p.status === 'cancelled')).toBe(true);
    expect(policies.some((p) => p.brokerCode === 'BIZTOSPONT') && policies.some((p) => p.brokerCode === null)).toBe(true);
    const invoices = invoicesOf(person.customerNumber);
    expect(invoices.some(overdue)).toBe(true);
    expect(invoices.some((i) => i.status === 'open' && i.dueDate >= TODAY)).toBe(true);
    expect(invoices.some((i) => i.status === 'paid')).toBe(true);
    expect(data.claims.some((c) => c.customerNumber === person.customerNumber)).toBe(true);
    const docs = documentsOf(person.customerNumber);
    expect(docs.some((d) => !d.readAt)).toBe(true);
    expect(new Set(docs.map((d) => d.input.type)).size).toBe(Object.keys(DOCUMENT_TYPES).length);
  });

  it('gives the demo company an account and several motor policies', () => {
    const { company } = DEMO_LOGINS;
    const customer = data.customers.find((c) => c.customerNumber === company.customerNumber)!;
    expect(customer).toMatchObject({ name: 'Fürge Fuvar Kft.', kind: 'company', taxNumber: company.taxNumber });
    expect(isValidTaxNumber(company.taxNumber)).toBe(true);
    expect(customer.account?.username).toBe(company.username);
    const motor = policiesOf(company.customerNumber).filter((p) => PRODUCTS[p.product].motor && p.status === 'active');
    expect(motor.length).toBeGreaterThanOrEqual(3);
  });

  it('gives the unregistered demo customers no account, a live policy via the first broker and unread mail', () => {
    for (const login of [DEMO_LOGINS.unregisteredPerson, DEMO_LOGINS.unregisteredCompany]) {
      const customer = data.customers.find((c) => c.customerNumber === login.customerNumber)!;
      expect(customer.account).toBeNull();
      expect(customer.postcode).toBe(login.postcode);
      if ('birthDate' in login) expect(customer.birthDate).toBe(login.birthDate);
      if ('taxNumber' in login) expect(customer.taxNumber).toBe(login.taxNumber);
      expect(policiesOf(login.customerNumber).some((p) => p.status === 'active' && p.brokerCode === 'BIZTOSPONT')).toBe(true);
      expect(documentsOf(login.customerNumber).some((d) => !d.readAt)).toBe(true);
    }
  });

  it('registers the portal and one client per broker, redirecting to the portal', () => {
    const custom = generateSeedData({ today: TODAY, portalOrigin: 'https://portal.example', brokerDemoOrigin: 'https://broker.example' });
    expect(custom.partnerClients.map((c) => c.clientId)).toEqual(['portal', 'biztos-pont', 'duna-alkusz', 'pannon-alkusz']);
    const [portal, first] = custom.partnerClients;
    expect(portal).toMatchObject({ brokerCode: null, policyScope: 'all', origins: ['https://portal.example'] });
    expect(first).toMatchObject({ brokerCode: 'BIZTOSPONT', policyScope: 'broker', origins: ['https://broker.example'] });
    for (const c of custom.partnerClients) expect(c.redirectUris).toEqual(['https://portal.example/api/session/callback']);
  });

  it('prints the demo logins with what each path needs', () => {
    const lines = describeDemoLogins().join('\n');
    expect(lines).toContain('erzsebet.szoke@example.com');
    expect(lines).toContain(DEMO_LOGINS.person.password);
    expect(lines).toContain(DEMO_LOGINS.unregisteredPerson.birthDate);
    expect(lines).toContain(DEMO_LOGINS.unregisteredCompany.taxNumber);
  });

  it('rejects a malformed reference day', () => {
    expect(() => generateSeedData({ today: '24/11/2026' })).toThrow(RangeError);
  });
});
