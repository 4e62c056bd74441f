import { randomBytes } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import {
  PAYMENT_EVENT_TYPES,
  WebhookVerificationError,
  headerValue,
  type Checkout,
  type CheckoutRequest,
  type PaymentEvent,
  type PaymentEventType,
  type PaymentProvider,
  type WebhookHeaders,
} from '../provider.ts';
import { completeCheckout, findCheckout, insertCheckout, type DemoCheckout, type DemoEventPayload } from './checkouts.ts';
import { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, assertSecret, signatureHeader, verifySignature } from './signature.ts';
import { findTestCard } from './test-cards.ts';

/**
 * The built-in demo provider: behaves like a real hosted payment page (see ./routes.ts), but
 * lives on the insurer's origin and accepts only the listed test cards. Its checkouts are kept
 * in `demo_payment_checkouts`; its webhooks are signed with HMAC-SHA256 (./signature.ts).
 *
 * It never stores or logs a card number: a submission is checked against the test-card list
 * and only the outcome is kept.
 */
export interface DemoProviderOptions {
  /** The shared webhook secret (PAYMENT_WEBHOOK_SECRET), at least 32 characters. */
  secret: string;
  sequelize: Sequelize;
  /** The insurer's public origin: the hosted page is served there. */
  publicUrl: URL;
  /** Where `demoPaymentPageRoutes` is mounted. */
  pagePath?: string;
  now?: () => Date;
  toleranceSeconds?: number;
}

export interface SignedWebhook {
  rawBody: string;
  headers: Record<string, string>;
}

export interface CardSubmission {
  /** `pay` or `cancel` (the button pressed). */
  action: string | undefined;
  cardNumber?: string | undefined;
  /** `MM/YY` (also `MM/YYYY`, `MMYY`). */
  expiry?: string | undefined;
  cvc?: string | undefined;
}

export type CardField = 'cardNumber' | 'expiry' | 'cvc';
export type CardErrorCode = 'card_number_required' | 'not_a_test_card' | 'expiry_invalid' | 'card_expired' | 'cvc_invalid';
export interface CardError {
  field: CardField;
  code: CardErrorCode;
}

export type SubmissionResult =
  | { kind: 'not_found' }
  /** Already completed, or expired: nothing happens. */
  | { kind: 'closed'; checkout: DemoCheckout }
  | { kind: 'invalid'; checkout: DemoCheckout; errors: CardError[] }
  | { kind: 'completed'; checkout: DemoCheckout; status: 'succeeded' | 'declined' | 'cancelled'; redirectUrl: string; webhook: SignedWebhook };

const REFERENCE = /^DEMO-[A-Z2-7]{26}$/;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A checkout reference: 128 random bits (the page URL is as good as a session id). */
export const newCheckoutReference = () => `DEMO-${base32(randomBytes(16))}`;
export const isCheckoutReference = (value: string) => REFERENCE.test(value);

/** Checks a card form (pure). Card numbers are compared, never kept. */
export function validateCard(submission: CardSubmission, now: Date): CardError[] {
  const errors: CardError[] = [];
  const number = (submission.cardNumber ?? '').trim();
  if (!number) errors.push({ field: 'cardNumber', code: 'card_number_required' });
  else if (!findTestCard(number)) errors.push({ field: 'cardNumber', code: 'not_a_test_card' });

  const expiry = (submission.expiry ?? '').replace(/\s/g, '');
  const match = /^(\d{2})\/?(\d{2}|\d{4})$/.exec(expiry);
  const month = match ? Number(match[1]) : 0;
  if (!match || month < 1 || month > 12) errors.push({ field: 'expiry', code: 'expiry_invalid' });
  else {
    const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
    // A card is valid through the last day of its expiry month (UTC is close enough for a demo).
    if (Date.UTC(year, month, 1) <= now.getTime()) errors.push({ field: 'expiry', code: 'card_expired' });
  }

  if (!/^\d{3,4}$/.test((submission.cvc ?? '').trim())) errors.push({ field: 'cvc', code: 'cvc_invalid' });
  return errors;
}

export class DemoPaymentProvider implements PaymentProvider {
  readonly name = 'demo';
  private readonly secret: string;
  private readonly sequelize: Sequelize;
  private readonly pageUrl: string;
  private readonly now: () => Date;
  private readonly toleranceSeconds: number;

  constructor(options: DemoProviderOptions) {
    assertSecret(options.secret);
    this.secret = options.secret;
    this.sequelize = options.sequelize;
    const path = (options.pagePath ?? '/pay/demo').replace(/\/+$/, '');
    this.pageUrl = `${options.publicUrl.origin}${path}`;
    this.now = options.now ?? (() => new Date());
    this.toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  }

  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    if (!Number.isSafeInteger(request.amountHuf) || request.amountHuf <= 0) throw new RangeError('amountHuf must be a positive whole number of forints');
    for (const url of [request.returnUrl, request.cancelUrl]) {
      if (!/^https?:$/.test(new URL(url).protocol)) throw new RangeError('return and cancel URLs must be http(s)');
    }
    const reference = newCheckoutReference();
    await insertCheckout(this.sequelize, {
      reference,
      paymentId: request.paymentId,
      amountHuf: request.amountHuf,
      description: request.description.slice(0, 200),
      returnUrl: request.returnUrl,
      cancelUrl: request.cancelUrl,
      createdAt: this.now(),
      expiresAt: request.expiresAt,
    });
    const lang = request.language === 'en' ? '?lang=en' : '';
    return { providerReference: reference, redirectUrl: `${this.pageUrl}/${reference}${lang}` };
  }

  /** The checkout behind a page URL; null for an unknown or malformed reference. */
  async getCheckout(reference: string): Promise<DemoCheckout | null> {
    if (!isCheckoutReference(reference)) return null;
    return findCheckout(this.sequelize, reference);
  }

  isExpired(checkout: DemoCheckout): boolean {
    return checkout.status === 'open' && checkout.expiresAt.getTime() <= this.now().getTime();
  }

  /**
   * The customer pressed "Pay" or "Cancel" on the page: completes the checkout once and returns
   * the signed webhook to send and where to send the browser. A declined test card completes
   * the checkout too (the portal then offers a new attempt).
   */
  async submit(reference: string, submission: CardSubmission): Promise<SubmissionResult> {
    const checkout = await this.getCheckout(reference);
    if (!checkout) return { kind: 'not_found' };
    if (checkout.status !== 'open' || this.isExpired(checkout)) return { kind: 'closed', checkout };

    let status: 'succeeded' | 'declined' | 'cancelled';
    if (submission.action === 'cancel') status = 'cancelled';
    else {
      const now = this.now();
      const errors = validateCard(submission, now);
      if (errors.length > 0) return { kind: 'invalid', checkout, errors };
      status = findTestCard(submission.cardNumber!)!.outcome;
    }

    const at = this.now();
    const payload = this.eventPayload(checkout, `payment.${status}`, at);
    const completed = await completeCheckout(this.sequelize, reference, status, payload, at);
    if (!completed) {
      // Someone else completed it in between (a double submit), or it just expired.
      const current = await findCheckout(this.sequelize, reference);
      return { kind: 'closed', checkout: current ?? checkout };
    }
    return {
      kind: 'completed',
      checkout: completed,
      status,
      redirectUrl: status === 'cancelled' ? completed.cancelUrl : completed.returnUrl,
      webhook: this.signEvent(payload, at),
    };
  }

  /** A new event about a checkout (tests use it to send events a real provider might send out of order). */
  eventPayload(checkout: Pick<DemoCheckout, 'reference' | 'paymentId' | 'amountHuf'>, type: PaymentEventType, at: Date = this.now()): DemoEventPayload {
    return {
      id: `evt_${randomBytes(12).toString('hex')}`,
      type,
      created: Math.floor(at.getTime() / 1000),
      data: {
        reference: checkout.reference,
        merchant_reference: checkout.paymentId,
        amount: checkout.amountHuf,
        currency: 'HUF',
        occurred_at: at.toISOString(),
      },
    };
  }

  /** Signs a payload as sent at `at` (now by default). */
  signEvent(payload: DemoEventPayload, at: Date = this.now()): SignedWebhook {
    const rawBody = JSON.stringify(payload);
    return { rawBody, headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signatureHeader(this.secret, rawBody, at) } };
  }

  /**
   * The webhook of a completed checkout again, signed afresh (a provider's retry): same event
   * id, so the portal recognises the replay. `at` back-dates it (a late delivery).
   */
  async webhookFor(reference: string, options: { at?: Date } = {}): Promise<SignedWebhook | null> {
    const checkout = await this.getCheckout(reference);
    if (!checkout?.event) return null;
    return this.signEvent(checkout.event, options.at ?? this.now());
  }

  async verifyWebhook(rawBody: string | Uint8Array, headers: WebhookHeaders): Promise<PaymentEvent> {
    verifySignature(this.secret, headerValue(headers, SIGNATURE_HEADER), rawBody, this.now(), this.toleranceSeconds);
    return parseEvent(typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8'));
  }
}

const malformed = (what: string) => new WebhookVerificationError('malformed_payload', `The webhook body is not a payment event: ${what}.`);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The typed event in a (verified) body; strict, so nothing unexpected reaches the domain. */
export function parseEvent(rawBody: string): PaymentEvent {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw malformed('invalid JSON');
  }
  if (!isObject(body)) throw malformed('not an object');
  const { id, type, data } = body;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(id)) throw malformed('bad id');
  if (typeof type !== 'string' || !(PAYMENT_EVENT_TYPES as readonly string[]).includes(type)) throw malformed('unknown type');
  if (!isObject(data)) throw malformed('no data');
  const { reference, merchant_reference: merchant, amount, currency, occurred_at: occurredAt } = data;
  if (typeof reference !== 'string' || reference.length === 0 || reference.length > 200) throw malformed('bad reference');
  if (merchant !== undefined && merchant !== null && typeof merchant !== 'string') throw malformed('bad merchant reference');
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) throw malformed('bad amount');
  if (currency !== 'HUF') throw malformed('currency must be HUF');
  if (typeof occurredAt !== 'string' || Number.isNaN(Date.parse(occurredAt))) throw malformed('bad occurred_at');
  return {
    id,
    type: type as PaymentEventType,
    providerReference: reference,
    paymentId: typeof merchant === 'string' ? merchant : null,
    amountHuf: amount,
    occurredAt: new Date(occurredAt).toISOString(),
  };
}
