import type { PaymentEventType } from '../../payment-providers/provider.ts';

/**
 * What a verified provider event does to a payment (pure; ./webhook.ts applies it).
 *
 *   pending ──succeeded──► succeeded   (absorbing: nothing moves it again)
 *   pending ──declined───► declined
 *   pending ──cancelled──► cancelled
 *   declined | cancelled | failed ──succeeded──► succeeded
 *
 * Money that the provider reports as taken is never ignored: a success arriving after a decline,
 * a cancel or our own expiry (a retried card on the same checkout, reordered webhooks) still
 * settles the payment; invoices paid meanwhile by another payment are flagged for refund, never
 * paid twice. A decline or cancel after any final state changes nothing. An event whose amount
 * differs from the payment's is refused whatever its type.
 */
export type PaymentStatus = 'pending' | 'succeeded' | 'declined' | 'cancelled' | 'failed';

export type WebhookDecision =
  | { action: 'succeed' }
  | { action: 'fail'; status: 'declined' | 'cancelled' }
  | { action: 'ignore'; reason: 'already_succeeded' | 'already_final' }
  | { action: 'reject'; reason: 'amount_mismatch' };

export function decide(payment: { status: PaymentStatus; amountHuf: number }, event: { type: PaymentEventType; amountHuf: number }): WebhookDecision {
  if (event.amountHuf !== payment.amountHuf) return { action: 'reject', reason: 'amount_mismatch' };
  if (event.type === 'payment.succeeded') {
    return payment.status === 'succeeded' ? { action: 'ignore', reason: 'already_succeeded' } : { action: 'succeed' };
  }
  if (payment.status !== 'pending') return { action: 'ignore', reason: payment.status === 'succeeded' ? 'already_succeeded' : 'already_final' };
  return { action: 'fail', status: event.type === 'payment.declined' ? 'declined' : 'cancelled' };
}

export const sameDecision = (a: WebhookDecision, b: WebhookDecision): boolean => JSON.stringify(a) === JSON.stringify(b);
