import type { CancelReason } from '../../kernel/cancel-reasons.ts';
import type { InsuredObject } from '../../kernel/insured-object.ts';
import {
  PAYMENT_FREQUENCIES,
  allowedPaymentMethods,
  isAllowedPaymentTerms,
  type PaymentFrequency,
  type PaymentMethod,
  type ProductCode,
} from '../../kernel/products.ts';
import { addDays, addMonths, at, daysBetween, minDate } from '../dates.ts';
import { unique } from '../identity.ts';
import type { SeedCustomer, SeedPolicy } from '../model.ts';
import type { Random } from '../random.ts';
import { BROKERS } from './brokers.ts';
import { yesterday, type SeedContext } from './context.ts';
import { ageOn } from './customers.ts';
import { property, trip, tripDays, vehicle, vehicleValueHuf } from './insured.ts';

/**
 * One policy for a customer. Each policy draws from its own child generator, so how many
 * values it consumes (which can depend on the calendar) never shifts the next policy.
 * Anything in `PolicySpec` overrides the draw; the demo customers use that.
 */
export interface PolicySpec {
  product: ProductCode;
  brokerCode?: string | null;
  /** Vans instead of cars (company fleets). */
  fleet?: boolean;
  startDate?: string;
  /** Forces a cancellation on this date (or `null`: forces an active policy). */
  cancelledAt?: string | null;
  cancelReason?: CancelReason;
  frequency?: PaymentFrequency;
  method?: PaymentMethod;
  insuredObject?: InsuredObject;
  /** Travel only: single trip or annual cover, and the trip's length in days. */
  travel?: { cover: 'single' | 'annual'; days?: number };
}

const POLICY_PREFIX: Record<ProductCode, string> = { kgfb: '31', casco: '32', home: '51', travel: '71' };

const FREQUENCY_WEIGHTS: Record<ProductCode, readonly (readonly [PaymentFrequency, number])[]> = {
  kgfb: [
    ['annual', 30],
    ['semiannual', 15],
    ['quarterly', 35],
    ['monthly', 20],
  ],
  casco: [
    ['annual', 35],
    ['semiannual', 15],
    ['quarterly', 25],
    ['monthly', 25],
  ],
  home: [
    ['annual', 45],
    ['semiannual', 10],
    ['quarterly', 25],
    ['monthly', 20],
  ],
  travel: [['annual', 1]],
};

const METHOD_WEIGHTS: Record<ProductCode, readonly (readonly [PaymentMethod, number])[]> = {
  kgfb: [
    ['bank_transfer', 35],
    ['direct_debit', 30],
    ['card', 20],
    ['postal_cheque', 15],
  ],
  casco: [
    ['bank_transfer', 40],
    ['direct_debit', 35],
    ['card', 25],
  ],
  home: [
    ['bank_transfer', 30],
    ['direct_debit', 35],
    ['card', 15],
    ['postal_cheque', 20],
  ],
  travel: [
    ['card', 85],
    ['bank_transfer', 15],
  ],
};

const CANCEL_WEIGHTS: Record<ProductCode, readonly (readonly [CancelReason, number])[]> = {
  kgfb: [
    ['vehicle_sold', 40],
    ['anniversary_notice', 30],
    ['non_payment', 15],
    ['customer_request', 15],
  ],
  casco: [
    ['vehicle_sold', 35],
    ['anniversary_notice', 30],
    ['non_payment', 15],
    ['customer_request', 20],
  ],
  home: [
    ['property_sold', 35],
    ['anniversary_notice', 35],
    ['non_payment', 15],
    ['customer_request', 15],
  ],
  travel: [['customer_request', 1]],
};

function brokerFor(r: Random, product: ProductCode): string | null {
  // Travel is mostly bought online, directly; the rest mostly through brokers.
  const direct = product === 'travel' ? 70 : 30;
  return r.weighted<string | null>([
    [BROKERS[0]!.code, 35],
    [BROKERS[1]!.code, 20],
    [BROKERS[2]!.code, 15],
    [null, direct],
  ]);
}

/** Rounds to an instalment of whole tens of forints, so annual = instalment × count exactly. */
function roundPremium(annual: number, frequency: PaymentFrequency): number {
  const count = 12 / PAYMENT_FREQUENCIES[frequency].months;
  return Math.max(10, Math.round(annual / count / 10) * 10) * count;
}

export function generatePolicy(ctx: SeedContext, customer: SeedCustomer, spec: PolicySpec): SeedPolicy {
  const r = ctx.rng.fork();
  const { product } = spec;
  const policyNumber = unique(ctx.taken.policyNumbers, () => `${POLICY_PREFIX[product]}${r.digits(7)}`);
  const brokerCode = spec.brokerCode !== undefined ? spec.brokerCode : brokerFor(r, product);
  const drawnFrequency = r.weighted(FREQUENCY_WEIGHTS[product]);
  const frequency = spec.frequency ?? drawnFrequency;
  const drawnMethod = r.weighted(METHOD_WEIGHTS[product]);
  let method = spec.method ?? drawnMethod;
  if (!isAllowedPaymentTerms(product, frequency, method)) method = allowedPaymentMethods(product, frequency)[0] ?? 'card';

  const base = { policyNumber, customerNumber: customer.customerNumber, brokerCode, product, paymentFrequency: frequency, paymentMethod: method };
  if (product === 'travel') return { ...base, ...travelTerms(ctx, r, spec, frequency) };

  const maxMonths = customer.birthDate ? Math.max(1, Math.min(96, (ageOn(customer.birthDate, ctx.today) - 18) * 12)) : 96;
  const drawnStart = addDays(addMonths(ctx.today, -r.int(1, maxMonths)), -r.int(0, 27));
  const startDate = spec.startDate ?? drawnStart;
  const { cancelledAt, cancelReason } = cancellation(ctx, r, spec, startDate);

  let insuredObject: InsuredObject;
  let annual: number;
  if (product === 'home') {
    const object = spec.insuredObject?.kind === 'property' ? { ...spec.insuredObject } : property(ctx, r, customer);
    insuredObject = object;
    annual = (object.buildingSumHuf * r.int(9, 16)) / 10_000 + (object.contentsSumHuf * r.int(15, 30)) / 10_000;
  } else {
    const fleet = spec.fleet ?? false;
    const object = spec.insuredObject?.kind === 'vehicle' ? { ...spec.insuredObject } : vehicle(ctx, r, fleet, product === 'kgfb', startDate);
    if (product === 'casco') {
      object.valueHuf ??= vehicleValueHuf(ctx, r, object, fleet);
      delete object.bonusMalus;
      annual = (object.valueHuf * r.int(25, 50)) / 1000;
    } else {
      annual = fleet ? r.int(90, 320) * 1000 : r.int(38, 165) * 1000;
    }
    insuredObject = object;
  }

  return {
    ...base,
    status: cancelledAt ? 'cancelled' : 'active',
    startDate,
    endDate: null,
    cancelledAt,
    cancelReason,
    annualPremiumHuf: roundPremium(annual, frequency),
    insuredObject,
    createdAt: at(minDate(addDays(startDate, -r.int(1, 20)), yesterday(ctx)), r.int(420, 1080)),
  };
}

/** About one policy in five has ended; an anniversary notice ends it on an anniversary. */
function cancellation(ctx: SeedContext, r: Random, spec: PolicySpec, startDate: string): { cancelledAt: string | null; cancelReason: CancelReason | null } {
  const wants = r.chance(0.2);
  const fraction = r.float();
  const drawnReason = r.weighted(CANCEL_WEIGHTS[spec.product]);
  if (spec.cancelledAt === null) return { cancelledAt: null, cancelReason: null };
  if (spec.cancelledAt) return { cancelledAt: spec.cancelledAt, cancelReason: spec.cancelReason ?? drawnReason };
  const span = daysBetween(startDate, yesterday(ctx));
  if (!wants || span < 45) return { cancelledAt: null, cancelReason: null };
  let cancelledAt = addDays(startDate, 30 + Math.floor(fraction * (span - 30)));
  let reason = drawnReason;
  if (reason === 'anniversary_notice') {
    const years = Math.floor(daysBetween(startDate, cancelledAt) / 365.25);
    if (years >= 1) cancelledAt = addDays(addMonths(startDate, 12 * years), -1);
    else reason = 'customer_request';
  }
  return { cancelledAt, cancelReason: reason };
}

/** Travel: a single trip (bought days before leaving) or a year's cover; a past trip has expired. */
function travelTerms(ctx: SeedContext, r: Random, spec: PolicySpec, frequency: PaymentFrequency) {
  const cover = spec.travel?.cover ?? (r.chance(0.35) ? 'annual' : 'single');
  const drawnStart = cover === 'annual' ? addDays(ctx.today, -r.int(0, 730)) : addDays(ctx.today, r.int(-500, 60));
  const startDate = spec.startDate ?? drawnStart;
  const days = spec.travel?.days ?? r.int(3, 21);
  const endDate = cover === 'annual' ? addDays(addMonths(startDate, 12), -1) : addDays(startDate, days - 1);
  const purchase = minDate(addDays(startDate, -r.int(1, 40)), yesterday(ctx));
  const insuredObject = spec.insuredObject?.kind === 'travel' ? spec.insuredObject : trip(r, cover, startDate, endDate);
  const perPerson =
    cover === 'annual'
      ? insuredObject.kind === 'travel' && insuredObject.zone === 'world'
        ? r.int(45, 70) * 1000
        : r.int(19, 32) * 1000
      : (insuredObject.kind === 'travel' ? tripDays(insuredObject) : days) *
        (insuredObject.kind === 'travel' && insuredObject.zone === 'world' ? r.int(25, 45) : r.int(9, 16)) *
        100;
  const travellers = insuredObject.kind === 'travel' ? insuredObject.travellers : 1;

  // Cancelled before leaving (customer's request), or simply over.
  const withdrawn = r.chance(0.06) && addDays(purchase, 2) < startDate && addDays(purchase, 2) <= yesterday(ctx);
  let cancelledAt: string | null = null;
  let cancelReason: CancelReason | null = null;
  if (spec.cancelledAt !== undefined) {
    cancelledAt = spec.cancelledAt;
    cancelReason = cancelledAt ? (spec.cancelReason ?? 'expired') : null;
  } else if (withdrawn) {
    cancelledAt = addDays(purchase, 2);
    cancelReason = 'customer_request';
  } else if (endDate < ctx.today) {
    cancelledAt = endDate;
    cancelReason = 'expired';
  }
  return {
    status: cancelledAt ? ('cancelled' as const) : ('active' as const),
    startDate,
    endDate,
    cancelledAt,
    cancelReason,
    annualPremiumHuf: roundPremium(perPerson * travellers, frequency),
    insuredObject,
    createdAt: at(purchase, r.int(420, 1320)),
  };
}
