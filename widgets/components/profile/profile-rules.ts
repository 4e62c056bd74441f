import type { PostalAddress, Profile, ProfilePatch } from '../../api/schemas.ts';

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
  language: 'hu' | 'en';
}

const MOBILE = ['20', '30', '31', '50', '70'];
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** A Hungarian phone number normalised to `+36 30 123 4567`, or null (as the API's normalizeHungarianPhone). */
export function normalizePhone(input: string): string | null {
  const match = /^(?:\+36|0036|06)([0-9]{8,9})$/.exec(input.trim().replace(/[\s\-/().]/g, ''));
  if (!match) return null;
  const national = match[1]!;
  const area = national.startsWith('1') ? '1' : national.slice(0, 2);
  const subscriber = national.slice(area.length);
  if (area !== '1' && Number(area) < 20) return null;
  if (subscriber.length !== (area === '1' || MOBILE.includes(area) ? 7 : 6)) return null;
  return `+36 ${area} ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`;
}

/** One line of free text: the code of what is wrong, or undefined (as the API's cleanText). */
export function textProblem(input: string, min: number, max: number): string | undefined {
  const value = input.normalize('NFC');
  if (CONTROL.test(value)) return 'control_characters';
  const length = [...value.replace(/\s+/g, ' ').trim()].length;
  if (length === 0) return 'required';
  if (length < min) return 'too_short';
  return length > max ? 'too_long' : undefined;
}

/** An e-mail address trimmed and lower-cased, or null (as the API's normaliseEmail). */
export function normalizeEmail(input: string): string | null {
  const value = input.trim().toLowerCase();
  if (value.length === 0 || value.length > 254 || value.includes('..')) return null;
  return /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/.test(value) ? value : null;
}

export function draftOf(profile: ProfileData): ProfileDraft {
  const address = profile.correspondenceAddress;
  return {
    phone: profile.phone ?? '',
    separate: address !== null,
    postcode: address?.postcode ?? '',
    city: address?.city ?? '',
    addressLine: address?.addressLine ?? '',
    language: profile.language,
  };
}

export function checkDraft(draft: ProfileDraft): FieldErrors {
  const errors: FieldErrors = {};
  const phone = draft.phone.trim();
  if (phone && (phone.length > 40 || !normalizePhone(phone))) errors.phone = 'invalid_phone';
  if (draft.separate) {
    if (!/^[1-9][0-9]{3}$/.test(draft.postcode.trim())) errors['correspondenceAddress.postcode'] = draft.postcode.trim() ? 'invalid_postcode' : 'required';
    const city = textProblem(draft.city, 2, 60) ?? (/\p{L}/u.test(draft.city) ? undefined : 'invalid_city');
    if (city) errors['correspondenceAddress.city'] = city;
    const line = textProblem(draft.addressLine, 3, 120);
    if (line) errors['correspondenceAddress.addressLine'] = line;
  }
  return errors;
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const same = (a: string, b: string) => squash(a).toLocaleLowerCase('hu') === squash(b).toLocaleLowerCase('hu');

/** Only what differs from the stored profile (a valid draft assumed); `{}` when nothing does. */
export function patchOf(profile: ProfileData, draft: ProfileDraft): ProfilePatch {
  const patch: ProfilePatch = {};
  const phone = draft.phone.trim() ? normalizePhone(draft.phone) : null;
  if (phone !== profile.phone) patch.phone = phone;
  const before = profile.correspondenceAddress;
  const after: PostalAddress | null = draft.separate
    ? { postcode: draft.postcode.trim(), city: squash(draft.city), addressLine: squash(draft.addressLine) }
    : null;
  const unchanged =
    before === null || after === null
      ? before === after
      : before.postcode === after.postcode && same(before.city, after.city) && same(before.addressLine, after.addressLine);
  if (!unchanged) patch.correspondenceAddress = after;
  if (draft.language !== profile.language) patch.language = draft.language;
  return patch;
}
