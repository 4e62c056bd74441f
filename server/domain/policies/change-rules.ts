import { addDays, nextAnniversary } from '../../kernel/calendar.ts';
import type { PaymentFrequency } from '../../kernel/products.ts';
import type { ChangeKind } from './change-request-view.ts';

/**
 * Which contract changes apply at once and which wait for back-office review.
 *
 * - Payment method and correspondence address apply at once (the product's payment rules are
 *   checked first; nothing about the premium changes).
 * - A payment frequency change applies at once, except
 *   - to `monthly` (`frequency_to_monthly`): monthly instalments are collected automatically,
 *     so the back office confirms the direct-debit mandate or card before the plan changes;
 *   - within ANNIVERSARY_REVIEW_DAYS days before the next anniversary (`near_anniversary`):
 *     the next insurance year's premium and instalment plan are already being prepared.
 * A change applied at once is confirmed with a Szerződésmódosítás visszaigazolása document;
 * a pending one gets it when the back office approves it.
 */
export const ANNIVERSARY_REVIEW_DAYS = 30;

export type ReviewReason = 'frequency_to_monthly' | 'near_anniversary';

export function reviewReasonFor(kind: ChangeKind, newValue: unknown, policy: { startDate: string }, today: string): ReviewReason | null {
  if (kind !== 'payment_frequency') return null;
  if ((newValue as PaymentFrequency) === 'monthly') return 'frequency_to_monthly';
  if (nextAnniversary(policy.startDate, today) <= addDays(today, ANNIVERSARY_REVIEW_DAYS)) return 'near_anniversary';
  return null;
}
