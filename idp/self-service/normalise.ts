import { normaliseEmail } from '../../common/accounts/email-address.ts';
import { isValidTaxNumber } from '../../common/customers/tax-number.ts';

/**
 * Reading what customers type: surrounding spaces never matter, nor do the spaces or dashes
 * people put in numbers. Each function returns the canonical form, or null when the input
 * cannot be one (a format error, shown at the field: it says nothing about our records).
 */

/** "1046 7023" → "10467023". */
export function customerNumber(input: string): string | null {
  const value = input.replace(/[\s-]/g, '');
  return /^\d{8}$/.test(value) ? value : null;
}

/** "9700" (Hungarian postcodes: four digits, not starting with 0). */
export function postcode(input: string): string | null {
  const value = input.replace(/\s/g, '');
  return /^[1-9]\d{3}$/.test(value) ? value : null;
}

/** "28475617-1-18", "28475617118", "28475617 1 18" → "28475617-1-18" (with a valid check digit). */
export function taxNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{11}$/.test(digits)) return null;
  const value = `${digits.slice(0, 8)}-${digits.slice(8, 9)}-${digits.slice(9)}`;
  return isValidTaxNumber(value) ? value : null;
}

/**
 * Year, month, day, as the registration page asks for it: the Hungarian page's "1958. 09. 23."
 * (also "1958.09.23." and without the last dot), the English page's "1958-09-23", and slashes.
 * Never day-first or month-first: "09/10/1958" would be a different day in London and New York.
 * A real calendar date between 1900 and today.
 */
export function birthDate(input: string, today: Date = new Date()): string | null {
  const match = /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?$/.exec(input.trim());
  if (!match) return null;
  const [, y = '', m = '', d = ''] = match;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return null;
  if (Number(y) < 1900 || date.getTime() > today.getTime()) return null;
  return iso;
}

/** An e-mail address in its canonical form (it is the login name, compared case-insensitively). */
export const email = normaliseEmail;

export type CustomerKind = 'person' | 'company';

export function customerKind(input: string): CustomerKind | null {
  return input === 'person' || input === 'company' ? input : null;
}
