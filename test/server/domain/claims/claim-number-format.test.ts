import { describe, expect, it } from 'vitest';
import { addDays, budapestDate } from '../../../../server/kernel/calendar.ts';
import { CLAIM_NUMBER_PATTERN, reportClaim } from '../../../../server/domain/claims/index.ts';
import { select, useSeededDatabase } from '../support.ts';

/** Issue 17 point 9: a seeded claim and one reported in the portal carry numbers of one format, and never the same number. */
const db = useSeededDatabase();

/** The number's shape: every digit a 9 (`KAR-2026-000017` → `KAR-9999-999999`). */
const shape = (claimNumber: string) => claimNumber.replace(/\d/g, '9');

describe('claim numbers', () => {
  it('gives a new claim a number of the seeded claims’ shape, above every seeded one', async () => {
    const seeded = await select<{ claim_number: string }>(db.sequelize, 'select claim_number from claims order by id');
    expect(seeded.length).toBeGreaterThan(1);
    const reported = await reportClaim(db.ctx(), {
      customerId: db.demo.person.id,
      policyId: db.demo.policies.home.id,
      claimType: 'water_leak',
      occurredAt: `${addDays(budapestDate(new Date()), -2)}T07:45`,
      place: 'Győr, Baross Gábor út 12.',
      description: 'Eltört egy cső a fürdőszobában, beázott a padló.',
    });

    expect(new Set(seeded.map((c) => shape(c.claim_number)))).toEqual(new Set([shape(reported.claimNumber)]));
    for (const { claim_number } of seeded) expect(claim_number).toMatch(CLAIM_NUMBER_PATTERN);
    const sequence = (n: string) => Number(n.split('-')[2]);
    expect(sequence(reported.claimNumber)).toBe(Math.max(...seeded.map((c) => sequence(c.claim_number))) + 1);
  });
});
