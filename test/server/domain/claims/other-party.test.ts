import { describe, expect, it } from 'vitest';
import { addDays, budapestDate } from '../../../../server/kernel/calendar.ts';
import { getClaim, reportClaim, type ReportClaimArgs } from '../../../../server/domain/claims/index.ts';
import { expectNothingWritten, expectRefusal, select, useSeededDatabase } from '../support.ts';

/**
 * Issue 17 point 5: a collision's other party may be unknown, may have driven off, or may not
 * exist; only a known one must be named. The situations differ between KGFB and CASCO, and the
 * claims handler sees what the customer chose.
 */
const db = useSeededDatabase();

const daysAgo = (days: number) => `${addDays(budapestDate(new Date()), -days)}T09:30`;

function collision(product: 'kgfb' | 'casco', overrides: Partial<ReportClaimArgs> = {}): ReportClaimArgs {
  return {
    customerId: db.demo.person.id,
    clientId: 'portal',
    policyId: db.demo.policies[product].id,
    claimType: product === 'kgfb' ? 'collision_liability' : 'collision',
    occurredAt: daysAgo(4),
    place: 'Győr, Bajcsy-Zsilinszky út 20.',
    description: 'A parkolóban találtam az autót behorpadt ajtóval.',
    contactPreference: 'email',
    ...overrides,
  };
}

async function situationOf(claimId: number): Promise<unknown> {
  const [row] = await select(db.sequelize, 'select other_party, other_party_situation from claims where id = $1', [claimId]);
  return row;
}

describe('the other party of a motor loss', () => {
  it('takes a CASCO collision whose other vehicle is unknown, drove off or did not exist, without a name or plate, and stores the choice', async () => {
    for (const situation of ['unknown', 'hit_and_run', 'no_vehicle'] as const) {
      const claim = await reportClaim(db.ctx(), collision('casco', { otherPartySituation: situation }));
      expect(await situationOf(claim.id)).toEqual({ other_party: null, other_party_situation: situation });
      const detail = await getClaim(db.ctx(), { customerId: db.demo.person.id, claimId: claim.id });
      expect(detail).toMatchObject({ otherParty: null, otherPartySituation: situation });
    }
  });

  it('takes a KGFB loss where no vehicle was hit, or the owner was not met', async () => {
    for (const situation of ['no_vehicle', 'unknown'] as const) {
      const claim = await reportClaim(
        db.ctx(),
        collision('kgfb', { otherPartySituation: situation, description: 'Tolatás közben nekimentem egy kerítésnek.' }),
      );
      expect(await situationOf(claim.id)).toEqual({ other_party: null, other_party_situation: situation });
    }
  });

  it('stores `known` with the named other party, also when the situation is left out (older clients)', async () => {
    const named = { name: 'Nagy Péter', plate: 'abc-123' };
    const explicit = await reportClaim(db.ctx(), collision('casco', { otherPartySituation: 'known', otherParty: named }));
    const implicit = await reportClaim(db.ctx(), collision('casco', { otherParty: named }));
    for (const claim of [explicit, implicit]) {
      const row = (await situationOf(claim.id)) as { other_party: unknown; other_party_situation: string };
      expect(row.other_party_situation).toBe('known');
      expect(row.other_party).toEqual({ name: 'Nagy Péter', plate: 'ABC-123' });
    }
  });

  const refusals: [string, () => ReportClaimArgs, string][] = [
    ['a collision that says nothing of the other party', () => collision('casco'), 'other_party_required'],
    ['a known other party left unnamed', () => collision('casco', { otherPartySituation: 'known' }), 'other_party_required'],
    [
      'hit-and-run on KGFB (the injured party’s case, not the one who caused it)',
      () => collision('kgfb', { otherPartySituation: 'hit_and_run' }),
      'other_party_situation_not_allowed',
    ],
    [
      'an unknown other party that is named anyway',
      () => collision('casco', { otherPartySituation: 'unknown', otherParty: { name: 'Nagy Péter', plate: 'ABC-123' } }),
      'other_party_not_applicable',
    ],
    [
      'a situation on a home claim',
      () => collision('casco', { policyId: db.demo.policies.home.id, claimType: 'water_leak', otherPartySituation: 'no_vehicle' }),
      'other_party_not_applicable',
    ],
    ['a situation that is none of the four', () => collision('casco', { otherPartySituation: 'ufo' }), 'invalid_other_party_situation'],
  ];
  for (const [name, args, code] of refusals) {
    it(`refuses ${name} (${code}) and writes nothing`, async () => {
      await expectNothingWritten(db.sequelize, () => expectRefusal(reportClaim(db.ctx(), args()), code, 'invalid'));
    });
  }
});
