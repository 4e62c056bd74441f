import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from '../provider.ts';

/**
 * The demo provider's webhook signature, shaped like the big providers' (Stripe's): the header
 * `Gp-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The timestamp is
 * signed too, so an old webhook cannot be replayed with a fresh `t`; a webhook older (or newer)
 * than the tolerance is refused. Several `v1=` values are allowed (secret rotation): one match
 * is enough. Comparison is constant-time.
 */
export const SIGNATURE_HEADER = 'Gp-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;
/** Shorter secrets are refused: HMAC-SHA256 wants at least 128 bits of key. */
export const MIN_SECRET_LENGTH = 32;

export function assertSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new TypeError(`the payment webhook secret must be at least ${MIN_SECRET_LENGTH} characters long`);
  }
}

const toBytes = (body: string | Uint8Array): Buffer =>
  typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);

export function computeSignature(secret: string, timestamp: number, rawBody: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(toBytes(rawBody)).digest('hex');
}

/** The header value for a body sent at `at`. */
export function signatureHeader(secret: string, rawBody: string | Uint8Array, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, rawBody)}`;
}

export interface ParsedSignature {
  timestamp: number;
  signatures: string[];
}

export function parseSignatureHeader(value: string): ParsedSignature {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    const item = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !/^\d{1,12}$/.test(item))
        throw new WebhookVerificationError('malformed_signature', 'The signature header has a malformed timestamp.');
      timestamp = Number(item);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/.test(item)) throw new WebhookVerificationError('malformed_signature', 'The signature header has a malformed v1 signature.');
      signatures.push(item);
    }
    // Other schemes (v0, future versions) are ignored, as the big providers do.
  }
  if (timestamp === null) throw new WebhookVerificationError('malformed_signature', 'The signature header has no timestamp.');
  if (signatures.length === 0) throw new WebhookVerificationError('malformed_signature', 'The signature header has no v1 signature.');
  return { timestamp, signatures };
}

/** Throws `WebhookVerificationError` unless `header` signs `rawBody` with `secret` within the tolerance of `now`. */
export function verifySignature(
  secret: string,
  header: string | null,
  rawBody: string | Uint8Array,
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): { timestamp: number } {
  if (!header) throw new WebhookVerificationError('missing_signature', `The webhook has no ${SIGNATURE_HEADER} header.`);
  const { timestamp, signatures } = parseSignatureHeader(header);
  const expected = Buffer.from(computeSignature(secret, timestamp, rawBody), 'hex');
  // Every candidate is compared (no early exit) so timing tells nothing about which one matched.
  let match = false;
  for (const candidate of signatures) {
    const given = Buffer.from(candidate, 'hex');
    if (given.length === expected.length && timingSafeEqual(given, expected)) match = true;
  }
  if (!match) throw new WebhookVerificationError('bad_signature', 'The webhook signature does not match.');
  // Checked after the signature, so an attacker learns nothing from the order of the checks.
  if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > toleranceSeconds) {
    throw new WebhookVerificationError('stale_timestamp', `The webhook's timestamp is more than ${toleranceSeconds} s away from now.`);
  }
  return { timestamp };
}
