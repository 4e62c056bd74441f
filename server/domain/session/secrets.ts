import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: session ids and login tickets. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of a session id or ticket: its SHA-256, hex. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A session id or ticket as `randomSecret` makes them (43 base64url characters); anything else is refused unread. */
export function looksLikeSecret(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
