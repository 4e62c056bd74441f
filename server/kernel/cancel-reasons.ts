import type { LocalizedName } from './products.ts';

/**
 * Why a policy ended (`policies.cancel_reason`). "Törölt" covers every way a contract ends,
 * expiry of a fixed-term travel policy included.
 */
export type CancelReason = 'customer_request' | 'non_payment' | 'vehicle_sold' | 'property_sold' | 'anniversary_notice' | 'expired';

export const CANCEL_REASONS: Readonly<Record<CancelReason, LocalizedName>> = {
  customer_request: { hu: 'Ügyfél kérésére', en: 'At the customer’s request' },
  non_payment: { hu: 'Díjnemfizetés', en: 'Non-payment of premium' },
  vehicle_sold: { hu: 'Érdekmúlás (gépjármű eladása)', en: 'Vehicle sold' },
  property_sold: { hu: 'Érdekmúlás (ingatlan eladása)', en: 'Property sold' },
  anniversary_notice: { hu: 'Évfordulós felmondás', en: 'Terminated at the anniversary' },
  expired: { hu: 'Lejárat', en: 'Expired' },
};

export function isCancelReason(value: unknown): value is CancelReason {
  return typeof value === 'string' && Object.hasOwn(CANCEL_REASONS, value);
}
