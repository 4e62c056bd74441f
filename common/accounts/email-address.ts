/**
 * E-mail addresses are the login names: stored and compared in one canonical form (NFC, no
 * surrounding spaces, lower case; the unique index is on lower(username)). One definition for
 * registration, log-in, password reset, verification and the e-mail change.
 */
export function canonicalEmail(input: string): string {
  return input.normalize('NFC').trim().toLowerCase();
}

const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/;

/** The canonical address, or null when the input cannot be one (a format error, or over 254 characters). */
export function normaliseEmail(input: string): string | null {
  const value = canonicalEmail(input);
  if (value.length === 0 || value.length > 254) return null;
  return ADDRESS.test(value) && !value.includes('..') ? value : null;
}
