import type { Language } from '../../common/language.ts';

/**
 * What the portal needs from a card-payment provider with a hosted payment page: open a
 * checkout for an amount and get the page to send the browser to; later, verify the provider's
 * signed server-to-server notification (webhook) and read it as a typed event.
 *
 * The portal never sees a card number: the customer types it on the provider's page. The
 * browser's return to `returnUrl` proves nothing (anyone can open that URL); only a verified
 * webhook changes a payment.
 */
export interface CheckoutRequest {
  /** The portal's payment id (the merchant reference the provider echoes back). */
  paymentId: string;
  /** Whole forints. */
  amountHuf: number;
  /** Shown on the payment page and the card statement; invoice numbers only, no personal data. */
  description: string;
  /** Where the browser goes after paying (or after a declined card). */
  returnUrl: string;
  /** Where the browser goes when the customer cancels. */
  cancelUrl: string;
  /** After this instant the checkout can no longer be paid. */
  expiresAt: Date;
  /** The page's language (Hungarian by default). */
  language?: Language;
}

export interface Checkout {
  /** The provider's id of the checkout; every event about it carries it. */
  providerReference: string;
  /** The hosted payment page. */
  redirectUrl: string;
}

export const PAYMENT_EVENT_TYPES = ['payment.succeeded', 'payment.declined', 'payment.cancelled'] as const;
export type PaymentEventType = (typeof PAYMENT_EVENT_TYPES)[number];

export interface PaymentEvent {
  /** Unique per event at the provider: a replay of the same notification has the same id. */
  id: string;
  type: PaymentEventType;
  providerReference: string;
  /** The portal's payment id as the provider knows it, when it echoes one. */
  paymentId: string | null;
  amountHuf: number;
  /** ISO timestamp: when it happened at the provider (not when the webhook arrived). */
  occurredAt: string;
}

/** Incoming request headers: a fetch `Headers` or Node's header object. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface PaymentProvider {
  /** Stored in `payments.provider`; with the reference it names a checkout. */
  readonly name: string;
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /**
   * The event in a webhook, after checking its signature and freshness against the raw body
   * exactly as received (never a re-serialised JSON). Throws `WebhookVerificationError`.
   */
  verifyWebhook(rawBody: string | Uint8Array, headers: WebhookHeaders): Promise<PaymentEvent>;
}

export type WebhookRejection = 'missing_signature' | 'malformed_signature' | 'bad_signature' | 'stale_timestamp' | 'malformed_payload';

/** A webhook that is not provably from the provider, or not readable: change nothing. */
export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: WebhookRejection,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** One header, case-insensitively; the first value when repeated. */
export function headerValue(headers: WebhookHeaders, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : (value[0] ?? null);
  }
  return null;
}
