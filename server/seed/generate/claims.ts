import { PRODUCTS, type ClaimType } from '../../kernel/products.ts';
import { claimNumberOf } from '../../domain/claims/claim-number.ts';
import { formatHuf } from '../../documents/format.ts';
import { FAMILY_NAMES, MALE_GIVEN_NAMES } from '../data/names.ts';
import { FOREIGN_CITIES, PLACES, STREETS } from '../data/places.ts';
import { addDays, at, daysBetween, maxDate, minDate } from '../dates.ts';
import { plate } from '../identity.ts';
import type { ClaimStatus, SeedClaim, SeedCustomer, SeedPolicy } from '../model.ts';
import type { Random } from '../random.ts';
import { BROKERS } from './brokers.ts';
import { CLAIM_DAMAGE_RANGE, CLAIM_DESCRIPTIONS } from './claim-texts.ts';
import { yesterday, type SeedContext } from './context.ts';

/**
 * A first notice of loss and its status history. The outcome is drawn up front; only the
 * steps that have happened by the reference day are kept, so a young claim is still open.
 */
export interface ClaimSpec {
  claimType?: ClaimType;
  occurredOn?: string;
  outcome?: Outcome;
}

type Outcome = 'paid' | 'rejected' | 'stalled';

const NOTES: Record<ClaimStatus, string> = {
  received: 'Kárbejelentés beérkezett.',
  in_review: 'Kárszakértő kijelölve; a szemle egyeztetése folyamatban.',
  approved: 'A kárigényt jogosnak találtuk; a kártérítés összegét megállapítottuk.',
  rejected: 'A káresemény az ÁSZF kizárásai közé tartozik; a kárigényt elutasítottuk.',
  paid: 'Kártérítés átutalva.',
  closed: 'Kárügy lezárva.',
};

export function generateClaim(ctx: SeedContext, policy: SeedPolicy, customer: SeedCustomer, spec: ClaimSpec = {}): SeedClaim | null {
  const r = ctx.rng.fork();
  const last = yesterday(ctx);
  const from = maxDate(addDays(policy.startDate, 10), addDays(ctx.today, -3 * 365));
  const until = minDate(last, policy.cancelledAt ?? policy.endDate ?? last);
  const span = daysBetween(from, until);
  // Skewed towards recent days, so some claims are still being handled.
  const drawnDay = addDays(from, Math.floor((1 - r.float() ** 3) * Math.max(span, 0)));
  if (span < 0 && !spec.occurredOn) return null;

  const claimType = spec.claimType ?? r.pick(PRODUCTS[policy.product].claimTypes);
  const occurredDay = spec.occurredOn ?? drawnDay;
  const reportedDay = minDate(addDays(occurredDay, r.int(0, 4)), last);
  const [low, high] = CLAIM_DAMAGE_RANGE[claimType];
  const estimate = Math.round(r.int(low, high) / 1000) * 1000;
  const outcome: Outcome =
    spec.outcome ??
    r.weighted<Outcome>([
      ['paid', 70],
      ['rejected', 15],
      ['stalled', 15],
    ]);
  const payout = Math.round((estimate * r.int(60, 100)) / 100 / 1000) * 1000;

  const steps = timeline(r, reportedDay, outcome).filter((step) => step.day <= last);
  const history = steps.map((step) => ({
    status: step.status,
    note: step.status === 'paid' ? `Kártérítés átutalva: ${formatHuf(payout)}.` : NOTES[step.status],
    createdAt: at(step.day, step.minute),
  }));
  const status = history[history.length - 1]!.status;
  ctx.counters.claim += 1;
  return {
    // The portal's own format: a seeded and a reported claim look alike (the seed moves the sequence past these).
    claimNumber: claimNumberOf(ctx.counters.claim, reportedDay.slice(0, 4)),
    policyNumber: policy.policyNumber,
    customerNumber: customer.customerNumber,
    claimType,
    occurredAt: at(occurredDay, r.int(360, 1260)),
    place: placeOf(r, policy),
    description: r.pick(CLAIM_DESCRIPTIONS[claimType]),
    estimatedDamageHuf: r.chance(0.85) ? estimate : null,
    otherParty: claimType === 'collision_liability' ? otherDriver(r, Number(ctx.today.slice(0, 4))) : null,
    otherPartySituation: claimType === 'collision_liability' ? 'known' : null,
    contactPreference: r.weighted([
      ['email', 70],
      ['phone', 25],
      ['post', 5],
    ] as const),
    status,
    clientId: channel(r, policy),
    payoutHuf: history.some((h) => h.status === 'paid') ? payout : null,
    createdAt: history[0]!.createdAt,
    updatedAt: history[history.length - 1]!.createdAt,
    history,
  };
}

function timeline(r: Random, reported: string, outcome: Outcome): { status: ClaimStatus; day: string; minute: number }[] {
  const minute = () => r.int(420, 1020);
  const steps = [{ status: 'received' as ClaimStatus, day: reported, minute: minute() }];
  const review = addDays(reported, r.int(1, 3));
  steps.push({ status: 'in_review', day: review, minute: minute() });
  if (outcome === 'rejected') {
    const rejected = addDays(review, r.int(7, 30));
    steps.push({ status: 'rejected', day: rejected, minute: minute() }, { status: 'closed', day: addDays(rejected, r.int(3, 15)), minute: minute() });
  } else if (outcome === 'paid') {
    const approved = addDays(review, r.int(5, 20));
    const paid = addDays(approved, r.int(2, 10));
    steps.push(
      { status: 'approved', day: approved, minute: minute() },
      { status: 'paid', day: paid, minute: minute() },
      { status: 'closed', day: addDays(paid, r.int(10, 40)), minute: minute() },
    );
  }
  return steps;
}

function placeOf(r: Random, policy: SeedPolicy): string {
  const object = policy.insuredObject;
  if (object.kind === 'property') return `${object.address.postcode} ${object.address.city}, ${object.address.addressLine}`;
  if (object.kind === 'travel') return `${FOREIGN_CITIES[object.destination] ?? object.destination}, ${object.destination}`;
  const where = r.pick(PLACES);
  return `${where.city}, ${r.pick(STREETS)} ${r.int(1, 120)}.`;
}

function otherDriver(r: Random, year: number): { name: string; plate: string } {
  return { name: `${r.pick(FAMILY_NAMES)} ${r.pick(MALE_GIVEN_NAMES)}`, plate: plate(r, year - r.int(0, 15)) };
}

/** Reported in the portal, through the broker's site, or by phone (no client). */
function channel(r: Random, policy: SeedPolicy): string | null {
  const broker = BROKERS.find((b) => b.code === policy.brokerCode);
  return r.weighted<string | null>([
    ['portal', 40],
    [broker?.clientId ?? 'portal', broker ? 25 : 0],
    [null, 35],
  ]);
}
