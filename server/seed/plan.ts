import type { ProductCode } from '../kernel/products.ts';
import { FLEET_TRADES } from './data/companies.ts';
import { todayInBudapest } from './dates.ts';
import type { SeedData, SeedPolicy } from './model.ts';
import { BROKERS, partnerClients } from './generate/brokers.ts';
import { generateClaim } from './generate/claims.ts';
import { createContext } from './generate/context.ts';
import { generateCompany, generatePerson } from './generate/customers.ts';
import { generateDemo, reserveDemoKeys } from './generate/demo.ts';
import { DocumentBuilder } from './generate/documents.ts';
import { generateInvoices } from './generate/invoices.ts';
import { generatePolicy } from './generate/policies.ts';

/**
 * Builds the whole demo data set as plain objects. Pure: the same seed and reference day give
 * the same data (compare two runs with `toEqual`); a different day shifts the dates but draws
 * the same customers, because every date is an offset from `today`.
 */
export interface SeedPlanOptions {
  /** PRNG seed; the default is the day portal-only delivery began (2020-12-14). */
  seed?: number;
  /** Reference "today" (ISO date). Default: today in Budapest. */
  today?: string;
  /** Customers in total, the four demo customers included. */
  customers?: number;
  /** Share of customers that are companies (the demo has at least 20%). */
  companyShare?: number;
  /** Roughly how many customers besides the demo ones get PDFs in their mailbox. */
  mailboxShare?: number;
  /** Roughly how many claims to generate besides the demo ones. */
  claims?: number;
  portalOrigin?: string;
  brokerDemoOrigin?: string;
}

export const DEFAULT_SEED = 20_201_214;

const PERSON_PRODUCTS: readonly (readonly [ProductCode, number])[] = [
  ['kgfb', 35],
  ['casco', 15],
  ['home', 30],
  ['travel', 20],
];
const COMPANY_PRODUCTS: readonly (readonly [ProductCode, number])[] = [
  ['kgfb', 55],
  ['casco', 30],
  ['home', 8],
  ['travel', 7],
];

export function generateSeedData(options: SeedPlanOptions = {}): SeedData {
  const seed = options.seed ?? DEFAULT_SEED;
  const today = options.today ?? todayInBudapest();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`today must be an ISO date (YYYY-MM-DD), got "${today}"`);
  const ctx = createContext(seed, today);
  const { rng } = ctx;

  reserveDemoKeys(ctx);
  const data: SeedData = {
    seed,
    today,
    brokers: BROKERS.map(({ code, name, phone = null, email = null, website = null }) => ({ code, name, phone, email, website })),
    partnerClients: partnerClients(options.portalOrigin ?? 'http://localhost:3000', options.brokerDemoOrigin ?? 'http://127.0.0.1:3001'),
    ...generateDemo(ctx),
  };

  const others = Math.max(0, (options.customers ?? 240) - data.customers.length);
  const companyShare = options.companyShare ?? 0.27;
  // About 2.7 policies per customer; some draws find no room for a claim (a policy too young).
  const claimRate = (options.claims ?? 48) / (others * 2.5);
  for (let n = 0; n < others; n++) {
    const isCompany = rng.chance(companyShare);
    const { customer, trade } = isCompany ? generateCompany(ctx) : { customer: generatePerson(ctx), trade: '' };
    const count = isCompany
      ? rng.int(2, 7)
      : rng.weighted([
          [1, 35],
          [2, 35],
          [3, 20],
          [4, 10],
        ] as const);
    const policies: SeedPolicy[] = [];
    for (let i = 0; i < count; i++) {
      const product = rng.weighted(isCompany ? COMPANY_PRODUCTS : PERSON_PRODUCTS);
      const fleet = FLEET_TRADES.has(trade) && rng.chance(0.7);
      policies.push(generatePolicy(ctx, customer, { product, fleet }));
    }
    const invoices = policies.flatMap((policy) => generateInvoices(ctx, policy));
    const claims = policies.flatMap((policy) => (rng.chance(claimRate) ? [generateClaim(ctx, policy, customer)] : [])).filter((c) => c !== null);
    customer.createdAt = policies.map((p) => p.createdAt).sort()[0]!;

    // A quarter of the customers get real PDFs: enough to browse, cheap enough to seed fast.
    const docs = new DocumentBuilder(ctx, customer);
    if (rng.chance(options.mailboxShare ?? 0.25)) {
      const newest = [...policies].sort((a, b) => (a.startDate < b.startDate ? 1 : -1))[0]!;
      docs.policyDocument(newest);
      for (const invoice of invoices.filter((i) => i.status === 'open').slice(-2)) {
        docs.premiumNotice(
          policies.find((p) => p.policyNumber === invoice.policyNumber)!,
          invoice,
        );
      }
      for (const claim of claims)
        docs.claimAcknowledgement(
          policies.find((p) => p.policyNumber === claim.policyNumber)!,
          claim,
        );
    }

    data.customers.push(customer);
    data.policies.push(...policies);
    data.invoices.push(...invoices);
    data.claims.push(...claims);
    data.documents.push(...docs.documents);
  }
  return data;
}
