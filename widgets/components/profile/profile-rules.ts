import type { PostalAddress, Profile, ProfilePatch } from '../../api/schemas.ts';
import type { Lang } from '../../i18n/lang.ts';
import { addressKey, addressLineProblem, cityProblem, cleanAddress, postcodeProblem } from '../../internal/address-rules.ts';

/**
 * The profile's input rules, the same as the API's (server/domain/profile, correspondence-address,
 * text-input, email-change), so a form refuses before sending with the codes the API would use.
 * Errors are keyed by the API's field names (`phone`, `correspondenceAddress.postcode`, `newEmail` …).
 */
export type FieldErrors = Record<string, string>;

/**
 * `Profile` as the API sends it. (The generated `Profile` types `correspondenceAddress` as
 * `PostalAddress & (Record<string, never> | null)`, which cannot hold null; this fixes that.)
 */
export type ProfileData = Omit<Profile, 'correspondenceAddress'> & { correspondenceAddress: PostalAddress | null };

/** What the edit form holds while the customer types. */
export interface ProfileDraft {
  phone: string;
  /** Letters go to an address other than the home address. */
  separate: boolean;
  postcode: string;
  city: string;
  addressLine: string;
  language: Lang;
}

/** A Hungarian phone number normalised to `+36 30 123 4567`, or null (as the API's normalizeHungarianPhone). */
export function normalizePhone(input: string): string | null {
  // Budapest (1) and mobile numbers have seven digits after the area code, the others six.
  const match = /^(?:\+36|0036|06)(1|[2-9]\d)(\d{6,7})$/.exec(input.trim().replace(/[\s\-/().]/g, ''));
  if (!match) return null;
  const [, area, subscriber] = match as unknown as [string, string, string];
  if (subscriber.length !== (/^(1|20|30|31|50|70)$/.test(area) ? 7 : 6)) return null;
  return `+36 ${area} ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`;
}

/** An e-mail address trimmed and lower-cased, or null (as the API's normaliseEmail). */
export function normalizeEmail(input: string): string | null {
  const value = input.trim().toLowerCase();
  if (value.length > 254 || value.includes('..')) return null;
  return /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/.test(value) ? value : null;
}

export function draftOf(profile: ProfileData): ProfileDraft {
  const address = profile.correspondenceAddress;
  return { postcode: '', city: '', addressLine: '', ...address, phone: profile.phone ?? '', separate: !!address, language: profile.language };
}

export function checkDraft(draft: ProfileDraft): FieldErrors {
  const errors: FieldErrors = {};
  const phone = draft.phone.trim();
  if (phone && (phone.length > 40 || !normalizePhone(phone))) errors.phone = 'invalid_phone';
  if (draft.separate) {
    const address = {
      postcode: postcodeProblem(draft.postcode),
      city: cityProblem(draft.city),
      addressLine: addressLineProblem(draft.addressLine),
    };
    for (const [key, code] of Object.entries(address)) if (code) errors[`correspondenceAddress.${key}`] = code;
  }
  return errors;
}

/** Only what differs from the stored profile (a valid draft assumed); `{}` when nothing does. */
export function patchOf(profile: ProfileData, draft: ProfileDraft): ProfilePatch {
  const patch: ProfilePatch = {};
  const phone = draft.phone.trim() ? normalizePhone(draft.phone) : null;
  if (phone !== profile.phone) patch.phone = phone;
  const after: PostalAddress | null = draft.separate ? cleanAddress(draft) : null;
  if (addressKey(after) !== addressKey(profile.correspondenceAddress)) patch.correspondenceAddress = after;
  if (draft.language !== profile.language) patch.language = draft.language;
  return patch;
}
