import { makeTaxNumber } from '../../../common/customers/tax-number.ts';
import { COMPANY_FORMS, COMPANY_STEMS, COMPANY_TRADES } from '../data/companies.ts';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from '../data/names.ts';
import { PLACES, STREETS, type Place } from '../data/places.ts';
import { addDays } from '../dates.ts';
import { EMAIL_DOMAINS, asciiFold, mobilePhone, unique } from '../identity.ts';
import type { SeedCustomer } from '../model.ts';
import type { Random } from '../random.ts';
import type { SeedContext } from './context.ts';

/** Private persons and companies with addresses, contacts and the keys registration asks for. */
export function customerNumber(ctx: SeedContext): string {
  return unique(ctx.taken.customerNumbers, () => String(ctx.rng.int(10_000_000, 89_999_999)));
}

/** Budapest holds a fifth of the population: weight it so. */
export function place(rng: Random): Place {
  const budapest = PLACES.filter((p) => p.city === 'Budapest');
  const rest = PLACES.filter((p) => p.city !== 'Budapest');
  return rng.chance(0.3) ? rng.pick(budapest) : rng.pick(rest);
}

export function addressLine(rng: Random, city: string): string {
  const street = `${rng.pick(STREETS)} ${rng.int(1, 120)}.`;
  // City flats have floor and door; elsewhere mostly houses.
  return city === 'Budapest' || rng.chance(0.3) ? `${street} ${rng.int(1, 8)}. em. ${rng.int(1, 24)}.` : street;
}

export function generatePerson(ctx: SeedContext): SeedCustomer {
  const { rng } = ctx;
  const female = rng.chance(0.52);
  const family = rng.pick(FAMILY_NAMES);
  const given = rng.pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
  const where = place(rng);
  const ageDays = rng.int(18 * 365 + 5, 85 * 365);
  const domain = rng.pick(EMAIL_DOMAINS);
  const local = `${asciiFold(given)}.${asciiFold(family)}`;
  let email = `${local}@${domain}`;
  if (ctx.taken.emails.has(email)) email = unique(ctx.taken.emails, () => `${local}${rng.int(2, 999)}@${domain}`);
  else ctx.taken.emails.add(email);
  return {
    customerNumber: customerNumber(ctx),
    kind: 'person',
    name: `${family} ${given}`,
    birthDate: addDays(ctx.today, -ageDays),
    taxNumber: null,
    postcode: where.postcode,
    city: where.city,
    addressLine: addressLine(rng, where.city),
    email,
    phone: mobilePhone(rng),
    language: rng.chance(0.04) ? 'en' : 'hu',
    createdAt: '',
    account: null,
  };
}

/** A company and its trade (the trade decides whether its vehicles are vans). */
export function generateCompany(ctx: SeedContext): { customer: SeedCustomer; trade: string } {
  const { rng } = ctx;
  let trade = '';
  const name = unique(ctx.taken.companyNames, () => {
    trade = rng.pick(COMPANY_TRADES);
    return `${rng.pick(COMPANY_STEMS)} ${trade} ${rng.weighted(COMPANY_FORMS)}`;
  });
  const where = place(rng);
  const vatCode = rng.weighted([
    [2, 80],
    [3, 15],
    [1, 5],
  ] as const);
  const taxNumber = unique(ctx.taken.taxNumbers, () => makeTaxNumber(`${rng.int(1, 2)}${rng.digits(6)}`, vatCode, where.countyCode));
  const host = asciiFold(name.replace(/ (Kft|Bt|Zrt)\.$/, ''));
  const email = unique(ctx.taken.emails, () => `${rng.pick(['info', 'iroda', 'penzugy', 'flotta'])}@${host}.example.com`);
  const customer: SeedCustomer = {
    customerNumber: customerNumber(ctx),
    kind: 'company',
    name,
    birthDate: null,
    taxNumber,
    postcode: where.postcode,
    city: where.city,
    addressLine: `${rng.pick(STREETS)} ${rng.int(1, 120)}.`,
    email,
    phone: mobilePhone(rng),
    language: 'hu',
    createdAt: '',
    account: null,
  };
  return { customer, trade };
}

/** Age in whole years on `today` (for capping how long ago a person could have signed). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
