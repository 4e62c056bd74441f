import { addDays, addMonths, at, maxDate } from '../dates.ts';
import { DEMO_LOGINS } from '../demo-logins.ts';
import type { SeedClaim, SeedCustomer, SeedDocument, SeedInvoice, SeedPolicy } from '../model.ts';
import { FIRST_BROKER } from './brokers.ts';
import { generateClaim } from './claims.ts';
import type { SeedContext } from './context.ts';
import { DocumentBuilder } from './documents.ts';
import { generateInvoices, type InvoiceHints } from './invoices.ts';
import { generatePolicy, type PolicySpec } from './policies.ts';

/**
 * The four named demo customers of `DEMO_LOGINS`, each shaped to show something: the person
 * has every product, both channels (broker and direct), live and cancelled contracts, paid,
 * open and overdue notices, a claim and unread mail; the company runs a small fleet; the two
 * unregistered ones have a live policy through the first broker and unread mail, so the
 * registration path has something to find.
 */
export interface DemoData {
  customers: SeedCustomer[];
  policies: SeedPolicy[];
  invoices: SeedInvoice[];
  claims: SeedClaim[];
  documents: SeedDocument[];
}

const BROKER = FIRST_BROKER.code;

/** Keeps the fixed demo keys out of the random draws. */
export function reserveDemoKeys(ctx: SeedContext): void {
  for (const login of Object.values(DEMO_LOGINS)) {
    ctx.taken.customerNumbers.add(login.customerNumber);
    if ('taxNumber' in login) ctx.taken.taxNumbers.add(login.taxNumber);
    ctx.taken.emails.add('username' in login ? login.username : login.email);
  }
  ctx.taken.companyNames.add(DEMO_LOGINS.company.name).add(DEMO_LOGINS.unregisteredCompany.name);
}

export function generateDemo(ctx: SeedContext): DemoData {
  const out: DemoData = { customers: [], policies: [], invoices: [], claims: [], documents: [] };
  const { today } = ctx;
  const add = (customer: SeedCustomer, spec: PolicySpec, hints: InvoiceHints = {}) => {
    const policy = generatePolicy(ctx, customer, spec);
    const invoices = generateInvoices(ctx, policy, hints);
    out.policies.push(policy);
    out.invoices.push(...invoices);
    return { policy, invoices };
  };
  const finish = (customer: SeedCustomer, docs: DocumentBuilder) => {
    const own = out.policies.filter((p) => p.customerNumber === customer.customerNumber);
    customer.createdAt = own.map((p) => p.createdAt).sort()[0] ?? at(addDays(today, -400), 600);
    if (customer.account) customer.account.emailVerifiedAt = at(addDays(customer.createdAt.slice(0, 10), 1), 700);
    out.customers.push(customer);
    out.documents.push(...docs.documents);
  };

  // Szőke Erzsébet: the full picture.
  const p = DEMO_LOGINS.person;
  const erzsebet = person(p, 'Győr', 'Széchenyi tér 7. 2. em. 4.', '+36 30 412 5567', true);
  const car = {
    kind: 'vehicle',
    plate: 'NKL-482',
    make: 'Škoda',
    model: 'Octavia',
    year: Number(today.slice(0, 4)) - 6,
    vin: 'TMBJG7NE8K0213456',
    bonusMalus: 'B6',
  } as const;
  ctx.taken.plates.add(car.plate);
  // Start dates are chosen so a period begins 20 days ago (overdue) and the home anniversary is 25 days ahead.
  const kgfb = add(
    erzsebet,
    {
      product: 'kgfb',
      brokerCode: BROKER,
      startDate: addDays(addMonths(today, -27), -20),
      cancelledAt: null,
      frequency: 'quarterly',
      method: 'bank_transfer',
      insuredObject: { ...car },
    },
    { overdueLatest: true },
  );
  const casco = add(
    erzsebet,
    {
      product: 'casco',
      brokerCode: BROKER,
      startDate: addDays(addMonths(today, -14), 21),
      cancelledAt: null,
      frequency: 'monthly',
      method: 'direct_debit',
      insuredObject: { ...car, bonusMalus: undefined },
    },
    { allPaid: true },
  );
  const home = add(
    erzsebet,
    { product: 'home', brokerCode: null, startDate: addDays(addMonths(today, -48), 25), cancelledAt: null, frequency: 'annual', method: 'bank_transfer' },
    { allPaid: true },
  );
  const oldCar = add(
    erzsebet,
    {
      product: 'kgfb',
      brokerCode: BROKER,
      startDate: addMonths(today, -70),
      cancelledAt: addMonths(today, -14),
      cancelReason: 'vehicle_sold',
      frequency: 'semiannual',
      method: 'postal_cheque',
    },
    { allPaid: true },
  );
  const trip = add(erzsebet, {
    product: 'travel',
    brokerCode: null,
    startDate: addDays(today, -130),
    cancelledAt: addDays(today, -123),
    cancelReason: 'expired',
    method: 'card',
    travel: { cover: 'single', days: 8 },
  });
  const glass = generateClaim(ctx, casco.policy, erzsebet, { claimType: 'glass', occurredOn: addDays(today, -12), outcome: 'stalled' });
  if (glass) out.claims.push(glass);

  const d = new DocumentBuilder(ctx, erzsebet);
  for (const { policy } of [oldCar, kgfb, casco, home, trip]) d.policyDocument(policy, true);
  for (const { policy, invoices } of [kgfb, casco, home]) {
    const open = invoices.filter((i) => i.status === 'open');
    for (const invoice of open) d.premiumNotice(policy, invoice, false);
  }
  const lastPaid = [...casco.invoices, ...kgfb.invoices].filter((i) => i.paidAt).sort((a, b) => (a.paidAt! < b.paidAt! ? -1 : 1));
  d.paymentReceipt([kgfb.policy, casco.policy], lastPaid.slice(-2), true);
  d.claimsHistory(oldCar.policy, out.claims, addDays(oldCar.policy.cancelledAt!, 3), true);
  d.changeConfirmation(kgfb.policy, [{ label: 'Díjfizetés módja', oldValue: 'postai csekk', newValue: 'banki átutalás' }], addDays(today, -150), true);
  d.premiumCertificate(home.policy, home.invoices, addMonths(today, -14), addDays(today, -61), addDays(today, -60), true);
  d.insuranceCertificate(casco.policy, addDays(today, -40), true);
  if (glass) d.claimAcknowledgement(casco.policy, glass, false);
  d.renewalNotice(home.policy, addDays(today, 25), 6.5, false);
  finish(erzsebet, d);

  // Fürge Fuvar Kft.: a fleet through the broker, one car direct.
  const c = DEMO_LOGINS.company;
  const furge = company(c, 'Szeged', 'Kölcsey Ferenc utca 12.', '+36 20 318 7740', true);
  const fleet = [
    add(furge, { product: 'kgfb', brokerCode: BROKER, fleet: true, cancelledAt: null, frequency: 'quarterly', method: 'direct_debit' }, { allPaid: true }),
    add(
      furge,
      { product: 'kgfb', brokerCode: BROKER, fleet: true, cancelledAt: null, frequency: 'quarterly', method: 'bank_transfer' },
      { overdueLatest: true },
    ),
    add(furge, { product: 'kgfb', brokerCode: BROKER, fleet: true, cancelledAt: null, frequency: 'monthly', method: 'card' }, { allPaid: true }),
    add(furge, { product: 'casco', brokerCode: BROKER, fleet: true, cancelledAt: null, frequency: 'monthly', method: 'direct_debit' }, { allPaid: true }),
    add(furge, { product: 'kgfb', brokerCode: null, fleet: false, cancelledAt: null, frequency: 'annual', method: 'bank_transfer' }, { allPaid: true }),
    add(
      furge,
      {
        product: 'kgfb',
        brokerCode: BROKER,
        fleet: true,
        startDate: addMonths(today, -40),
        cancelledAt: addMonths(today, -5),
        cancelReason: 'vehicle_sold',
        frequency: 'quarterly',
        method: 'direct_debit',
      },
      { allPaid: true },
    ),
  ];
  const [first, second] = fleet;
  const bump = generateClaim(ctx, first!.policy, furge, {
    claimType: 'collision_liability',
    occurredOn: maxDate(addDays(today, -240), addDays(first!.policy.startDate, 15)),
    outcome: 'paid',
  });
  if (bump) out.claims.push(bump);
  const fd = new DocumentBuilder(ctx, furge);
  for (const { policy } of fleet) fd.policyDocument(policy);
  for (const { policy, invoices } of fleet) for (const invoice of invoices.filter((i) => i.status === 'open')) fd.premiumNotice(policy, invoice, false);
  fd.claimsHistory(fleet[5]!.policy, out.claims, addDays(fleet[5]!.policy.cancelledAt!, 2), true);
  if (bump) fd.claimAcknowledgement(first!.policy, bump, true);
  fd.paymentReceipt([second!.policy], second!.invoices.filter((i) => i.paidAt).slice(-1), true);
  finish(furge, fd);

  // Győri Ödön: not registered; a live KGFB through the broker and a home policy.
  const u = DEMO_LOGINS.unregisteredPerson;
  const odon = person(u, 'Debrecen', 'Péterfia utca 18.', '+36 70 233 9081', false);
  const odonCar = add(
    odon,
    { product: 'kgfb', brokerCode: BROKER, startDate: addDays(addMonths(today, -36), 20), cancelledAt: null, frequency: 'annual', method: 'bank_transfer' },
    { allPaid: true },
  );
  const odonHome = add(odon, { product: 'home', brokerCode: null, cancelledAt: null, frequency: 'quarterly', method: 'postal_cheque' }, { allPaid: true });
  const od = new DocumentBuilder(ctx, odon);
  od.policyDocument(odonHome.policy, true);
  od.policyDocument(odonCar.policy, false);
  for (const invoice of odonCar.invoices.filter((i) => i.status === 'open')) od.premiumNotice(odonCar.policy, invoice, false);
  finish(odon, od);

  // Őrség Kertészet Bt.: not registered; one van through the broker.
  const uc = DEMO_LOGINS.unregisteredCompany;
  const orseg = company(uc, 'Szombathely', 'Kőszegi utca 41.', '+36 30 644 2019', false);
  const van = add(
    orseg,
    {
      product: 'kgfb',
      brokerCode: BROKER,
      fleet: true,
      startDate: addDays(addMonths(today, -8), -3),
      cancelledAt: null,
      frequency: 'semiannual',
      method: 'bank_transfer',
    },
    { allPaid: true },
  );
  const ud = new DocumentBuilder(ctx, orseg);
  ud.policyDocument(van.policy, false);
  finish(orseg, ud);

  return out;
}

type PersonLogin = { name: string; customerNumber: string; birthDate: string; postcode: string; email?: string; username?: string; password?: string };
type CompanyLogin = { name: string; customerNumber: string; taxNumber: string; postcode: string; email?: string; username?: string; password?: string };

function person(login: PersonLogin, city: string, addressLine: string, phone: string, account: boolean): SeedCustomer {
  return {
    customerNumber: login.customerNumber,
    kind: 'person',
    name: login.name,
    birthDate: login.birthDate,
    taxNumber: null,
    postcode: login.postcode,
    city,
    addressLine,
    email: login.username ?? login.email ?? '',
    phone,
    language: 'hu',
    createdAt: '',
    account: account && login.username && login.password ? { username: login.username, password: login.password, emailVerifiedAt: '' } : null,
  };
}

function company(login: CompanyLogin, city: string, addressLine: string, phone: string, account: boolean): SeedCustomer {
  return {
    customerNumber: login.customerNumber,
    kind: 'company',
    name: login.name,
    birthDate: null,
    taxNumber: login.taxNumber,
    postcode: login.postcode,
    city,
    addressLine,
    email: login.username ?? login.email ?? '',
    phone,
    language: 'hu',
    createdAt: '',
    account: account && login.username && login.password ? { username: login.username, password: login.password, emailVerifiedAt: '' } : null,
  };
}
