import type { PostalAddress } from '../../kernel/insured-object.ts';
import type { Problems } from '../../kernel/problems.ts';
import { cleanText } from '../../kernel/text-rules.ts';

/**
 * A Hungarian postal address typed by the customer: a four-digit postcode (1000–9999), a
 * city and an address line, each one line without control characters and of sane length.
 */
export const ADDRESS_LIMITS = { city: { min: 2, max: 60 }, addressLine: { min: 3, max: 120 } } as const;

const POSTCODE = /^[1-9][0-9]{3}$/;

export function parsePostalAddress(input: unknown, problems: Problems, errorCode: string, field: string): PostalAddress | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    problems.add(errorCode, field, 'required', 'An address with postcode, city and address line is required.');
    return null;
  }
  const raw = input as Record<string, unknown>;
  const before = problems.size;
  const postcodeText = typeof raw.postcode === 'number' ? String(raw.postcode) : typeof raw.postcode === 'string' ? raw.postcode.trim() : '';
  if (postcodeText === '') problems.add(errorCode, `${field}.postcode`, 'required', 'A postcode is required.');
  else if (!POSTCODE.test(postcodeText)) problems.add(errorCode, `${field}.postcode`, 'invalid_postcode', 'A Hungarian postcode is four digits, 1000–9999.');

  const city = cleanText(raw.city, ADDRESS_LIMITS.city);
  if (!city.ok) problems.add(errorCode, `${field}.city`, city.problem, city.message);
  else if (!/\p{L}/u.test(city.value)) problems.add(errorCode, `${field}.city`, 'invalid_city', 'A city name has letters.');

  const line = cleanText(raw.addressLine, ADDRESS_LIMITS.addressLine);
  if (!line.ok) problems.add(errorCode, `${field}.addressLine`, line.problem, line.message);

  if (problems.size > before || !city.ok || !line.ok) return null;
  return { postcode: postcodeText, city: city.value, addressLine: line.value };
}

export function sameAddress(a: PostalAddress, b: PostalAddress): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('hu');
  return a.postcode === b.postcode && norm(a.city) === norm(b.city) && norm(a.addressLine) === norm(b.addressLine);
}
