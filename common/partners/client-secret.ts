import { randomBytes } from 'node:crypto';

/**
 * A partner client's secret: 256 random bits, base64url (43 characters, no characters that
 * need escaping in HTTP Basic credentials). The API (the BFF) reads it from `partner_clients`;
 * a split deployment is given it once by `portal partner add` / `rotate-secret`.
 */
export function generateClientSecret(): string {
  return randomBytes(32).toString('base64url');
}
