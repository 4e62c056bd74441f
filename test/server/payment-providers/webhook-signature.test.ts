import { describe, expect, it } from 'vitest';
import { decide } from '../../../server/domain/payments/state-machine.ts';
import { parseEvent, validateCard } from '../../../server/payment-providers/demo/demo-provider.ts';
import { computeSignature, signatureHeader, verifySignature } from '../../../server/payment-providers/demo/signature.ts';
import { findTestCard } from '../../../server/payment-providers/demo/test-cards.ts';
import { WebhookVerificationError, headerValue } from '../../../server/payment-providers/provider.ts';

/** The pure parts: the HMAC signature, the event parser, the test-card check and the state machine. */
const SECRET = 'whsec_unit_0123456789abcdef0123456789abcdef';
const NOW = new Date('2026-11-24T10:00:00Z');
const BODY = JSON.stringify({
  id: 'evt_1',
  type: 'payment.succeeded',
  created: 1,
  data: { reference: 'DEMO-X', merchant_reference: '0d0c8a5e-2f7e-4f2e-9d7a-1b2c3d4e5f60', amount: 62_700, currency: 'HUF', occurred_at: NOW.toISOString() },
});

function reason(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).reason;
  }
}

describe('webhook signature (Gp-Signature: t=…,v1=…)', () => {
  it('accepts its own signature within five minutes either way, and the exact bytes only', () => {
    const header = signatureHeader(SECRET, BODY, NOW);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, header, BODY, NOW)).toEqual({ timestamp: NOW.getTime() / 1000 });
    expect(verifySignature(SECRET, header, Buffer.from(BODY), new Date(NOW.getTime() + 299_000))).toBeTruthy();
    expect(verifySignature(SECRET, header, BODY, new Date(NOW.getTime() - 299_000))).toBeTruthy();
    expect(reason(() => verifySignature(SECRET, header, BODY, new Date(NOW.getTime() + 301_000)))).toBe('stale_timestamp');
    expect(reason(() => verifySignature(SECRET, header, BODY, new Date(NOW.getTime() - 301_000)))).toBe('stale_timestamp');
    expect(reason(() => verifySignature(SECRET, header, `${BODY} `, NOW))).toBe('bad_signature');
    expect(reason(() => verifySignature(SECRET, header, BODY.replace('62700', '62701'), NOW))).toBe('bad_signature');
    expect(reason(() => verifySignature(`${SECRET}x`, header, BODY, NOW))).toBe('bad_signature');
  });

  it('signs the timestamp: moving t breaks the signature', () => {
    const t = NOW.getTime() / 1000;
    const v1 = computeSignature(SECRET, t - 3600, BODY);
    expect(reason(() => verifySignature(SECRET, `t=${t},v1=${v1}`, BODY, NOW))).toBe('bad_signature');
  });

  it('accepts one matching v1 among several (secret rotation) and ignores other schemes', () => {
    const t = NOW.getTime() / 1000;
    const good = computeSignature(SECRET, t, BODY);
    const old = computeSignature('an-old-secret-0123456789abcdef0123456789', t, BODY);
    expect(verifySignature(SECRET, `t=${t},v1=${old},v1=${good},v0=whatever`, BODY, NOW)).toBeTruthy();
    expect(reason(() => verifySignature(SECRET, `t=${t},v1=${old}`, BODY, NOW))).toBe('bad_signature');
  });

  it('refuses missing and malformed headers', () => {
    const t = NOW.getTime() / 1000;
    expect(reason(() => verifySignature(SECRET, null, BODY, NOW))).toBe('missing_signature');
    expect(reason(() => verifySignature(SECRET, `v1=${'a'.repeat(64)}`, BODY, NOW))).toBe('malformed_signature');
    expect(reason(() => verifySignature(SECRET, `t=${t}`, BODY, NOW))).toBe('malformed_signature');
    expect(reason(() => verifySignature(SECRET, `t=${t},v1=ABC`, BODY, NOW))).toBe('malformed_signature');
    expect(reason(() => verifySignature(SECRET, `t=soon,v1=${'a'.repeat(64)}`, BODY, NOW))).toBe('malformed_signature');
  });

  it('finds the header case-insensitively in fetch Headers and Node header objects', () => {
    expect(headerValue(new Headers({ 'gp-signature': 'x' }), 'Gp-Signature')).toBe('x');
    expect(headerValue({ 'GP-SIGNATURE': ['y', 'z'] }, 'Gp-Signature')).toBe('y');
    expect(headerValue({}, 'Gp-Signature')).toBeNull();
  });
});

describe('parseEvent', () => {
  it('reads a well-formed event', () => {
    expect(parseEvent(BODY)).toEqual({
      id: 'evt_1',
      type: 'payment.succeeded',
      providerReference: 'DEMO-X',
      paymentId: '0d0c8a5e-2f7e-4f2e-9d7a-1b2c3d4e5f60',
      amountHuf: 62_700,
      occurredAt: NOW.toISOString(),
    });
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['an unknown type', BODY.replace('payment.succeeded', 'payment.refunded')],
    ['another currency', BODY.replace('"HUF"', '"EUR"')],
    ['a fractional amount', BODY.replace('62700', '627.5')],
    ['a negative amount', BODY.replace('62700', '-5')],
    ['a bad date', BODY.replace(NOW.toISOString(), 'yesterday')],
    ['a bad id', BODY.replace('evt_1', 'evt 1; drop table')],
  ])('refuses %s', (_label, body) => {
    expect(reason(() => parseEvent(body))).toBe('malformed_payload');
  });
});

describe('test cards', () => {
  it('knows only the listed numbers, with spaces or dashes', () => {
    expect(findTestCard('4242 4242 4242 4242')?.outcome).toBe('succeeded');
    expect(findTestCard('4000-0000-0000-0002')?.outcome).toBe('declined');
    expect(findTestCard('5555 5555 5555 4444')).toBeNull();
    expect(findTestCard('4242 4242 4242 4241')).toBeNull();
  });

  it('checks the whole form', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(validateCard({ action: 'pay', cardNumber: '4242424242424242', expiry: '12/26', cvc: '123' }, now)).toEqual([]);
    expect(validateCard({ action: 'pay', cardNumber: '4242424242424242', expiry: '11/26', cvc: '123' }, now)).toEqual([]);
    expect(validateCard({ action: 'pay', cardNumber: '4242424242424242', expiry: '10/26', cvc: '123' }, now)).toEqual([
      { field: 'expiry', code: 'card_expired' },
    ]);
    expect(validateCard({ action: 'pay', cardNumber: '', expiry: '13/30', cvc: '12' }, now)).toEqual([
      { field: 'cardNumber', code: 'card_number_required' },
      { field: 'expiry', code: 'expiry_invalid' },
      { field: 'cvc', code: 'cvc_invalid' },
    ]);
    expect(validateCard({ action: 'pay', cardNumber: '4111 1111 1111 1111', expiry: '12/2030', cvc: '123' }, now)).toEqual([
      { field: 'cardNumber', code: 'not_a_test_card' },
    ]);
  });
});

describe('payment state machine', () => {
  const event = (type: 'payment.succeeded' | 'payment.declined' | 'payment.cancelled', amountHuf = 1000) => ({ type, amountHuf });
  it.each([
    ['pending', 'payment.succeeded', { action: 'succeed' }],
    ['pending', 'payment.declined', { action: 'fail', status: 'declined' }],
    ['pending', 'payment.cancelled', { action: 'fail', status: 'cancelled' }],
    ['succeeded', 'payment.succeeded', { action: 'ignore', reason: 'already_succeeded' }],
    ['succeeded', 'payment.declined', { action: 'ignore', reason: 'already_succeeded' }],
    ['succeeded', 'payment.cancelled', { action: 'ignore', reason: 'already_succeeded' }],
    ['declined', 'payment.succeeded', { action: 'succeed' }],
    ['cancelled', 'payment.succeeded', { action: 'succeed' }],
    ['failed', 'payment.succeeded', { action: 'succeed' }],
    ['declined', 'payment.cancelled', { action: 'ignore', reason: 'already_final' }],
    ['cancelled', 'payment.declined', { action: 'ignore', reason: 'already_final' }],
  ] as const)('%s + %s', (status, type, expected) => {
    expect(decide({ status, amountHuf: 1000 }, event(type))).toEqual(expected);
  });

  it('refuses any event whose amount differs from the payment', () => {
    for (const status of ['pending', 'succeeded', 'declined'] as const) {
      expect(decide({ status, amountHuf: 1000 }, event('payment.succeeded', 999))).toEqual({ action: 'reject', reason: 'amount_mismatch' });
    }
  });
});
