import type { PostalAddress } from '../api/schemas.ts';
import { squash, textProblem } from './text-rules.ts';

/**
 * A correspondence address as the API checks and compares it
 * (server/domain/policies/correspondence-address.ts).
 */
export const isPostcode = (value: string): boolean => /^[1-9][0-9]{3}$/.test(value.trim());

/** An empty postcode is `required`, any other that is not four digits (1000–9999) `invalid_postcode`. */
export const postcodeProblem = (value: string): string | undefined => (isPostcode(value) ? undefined : value.trim() ? 'invalid_postcode' : 'required');

/** A town: 2–60 characters of free text with at least one letter. */
export const cityProblem = (value: string): string | undefined => textProblem(value, [2, 60]) ?? (/\p{L}/u.test(value) ? undefined : 'invalid_city');

/** A street line: 3–120 characters of free text. */
export const addressLineProblem = (value: string): string | undefined => textProblem(value, [3, 120]);

/** The address as the API stores it from a form's fields. */
export const cleanAddress = (a: PostalAddress): PostalAddress => ({ postcode: a.postcode.trim(), city: squash(a.city), addressLine: squash(a.addressLine) });

/** What makes two addresses the same for the API (whitespace and case do not count), or null. */
export const addressKey = (a: PostalAddress | null): string | null =>
  a && `${a.postcode.trim()}\n${squash(a.city)}\n${squash(a.addressLine)}`.toLocaleLowerCase('hu');
