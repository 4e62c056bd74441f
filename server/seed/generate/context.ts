import { Random } from '../random.ts';

/** What every generator shares: the PRNG, the reference day, and the registries of used keys. */
export interface SeedContext {
  rng: Random;
  /** The reference "today" (ISO date); every date is generated relative to it. */
  today: string;
  taken: {
    customerNumbers: Set<string>;
    taxNumbers: Set<string>;
    companyNames: Set<string>;
    emails: Set<string>;
    policyNumbers: Set<string>;
    plates: Set<string>;
  };
  counters: { invoice: number; claim: number; receipt: number };
}

export function createContext(seed: number, today: string): SeedContext {
  return {
    rng: new Random(seed),
    today,
    taken: {
      customerNumbers: new Set(),
      taxNumbers: new Set(),
      companyNames: new Set(),
      emails: new Set(),
      policyNumbers: new Set(),
      plates: new Set(),
    },
    counters: { invoice: 0, claim: 0, receipt: 0 },
  };
}

/** Timestamps of past events stay before the reference day, so nothing is "in the future". */
export function yesterday(ctx: SeedContext): string {
  const d = new Date(`${ctx.today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
