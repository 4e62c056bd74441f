import type { PaymentFrequency, PaymentMethod, PolicyChange, PolicyDetail, PostalAddress } from '../../api/schemas.ts';

/**
 * The contract change form's values and rules, without any DOM: what the form starts from,
 * which values the API would refuse (the same field codes as the API: `invalid_postcode`,
 * `required`, `too_short`…), and the PATCH body with only the changed fields.
 */
export interface ChangeDraft {
  paymentFrequency: PaymentFrequency;
  paymentMethod: PaymentMethod;
  postcode: string;
  city: string;
  addressLine: string;
}

export type ChangeField = keyof ChangeDraft;

/** Refusal codes by form field. */
export type ChangeErrors = Partial<Record<ChangeField, string>>;

/** The form field of an API refusal (`correspondenceAddress.postcode` → `postcode`), if the form has it. */
export function fieldOf(apiField: string): ChangeField | undefined {
  const key = apiField === 'correspondenceAddress' ? 'postcode' : apiField.replace(/^correspondenceAddress\./, '');
  return ['paymentFrequency', 'paymentMethod', 'postcode', 'city', 'addressLine'].includes(key) ? (key as ChangeField) : undefined;
}

const LIMITS = { city: [2, 60], addressLine: [3, 120] } as const;
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

export function draftOf(detail: PolicyDetail): ChangeDraft {
  const { postcode, city, addressLine } = detail.effectiveCorrespondenceAddress;
  return { paymentFrequency: detail.paymentFrequency, paymentMethod: detail.paymentMethod, postcode, city, addressLine };
}

/** One line of text as the API stores it: NFC, whitespace collapsed, trimmed. */
const clean = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim();

function textProblem(value: string, [min, max]: readonly [number, number]): string | undefined {
  if (CONTROL.test(value)) return 'control_characters';
  const length = [...clean(value)].length;
  if (length === 0) return 'required';
  if (length < min) return 'too_short';
  if (length > max) return 'too_long';
  return undefined;
}

/** The fields the API would refuse, with its codes; empty when the draft may be sent. */
export function validateDraft(draft: ChangeDraft, detail: PolicyDetail): ChangeErrors {
  const errors: ChangeErrors = {};
  const option = detail.paymentOptions.find((o) => o.frequency === draft.paymentFrequency);
  if (!option) errors.paymentFrequency = 'not_allowed';
  else if (!option.methods.includes(draft.paymentMethod)) errors.paymentMethod = 'not_allowed_for_product';
  if (!/^[1-9][0-9]{3}$/.test(draft.postcode.trim())) errors.postcode = 'invalid_postcode';
  const city = textProblem(draft.city, LIMITS.city) ?? (/\p{L}/u.test(draft.city) ? undefined : 'invalid_city');
  if (city) errors.city = city;
  const line = textProblem(draft.addressLine, LIMITS.addressLine);
  if (line) errors.addressLine = line;
  return errors;
}

const norm = (value: string) => clean(value).toLocaleLowerCase('hu');

function sameAddress(a: PostalAddress, b: PostalAddress): boolean {
  return a.postcode.trim() === b.postcode.trim() && norm(a.city) === norm(b.city) && norm(a.addressLine) === norm(b.addressLine);
}

/** The PATCH body: only what differs from the contract (an empty object when nothing does). */
export function changeOf(draft: ChangeDraft, detail: PolicyDetail): PolicyChange {
  const change: PolicyChange = {};
  if (draft.paymentMethod !== detail.paymentMethod) change.paymentMethod = draft.paymentMethod;
  if (draft.paymentFrequency !== detail.paymentFrequency) change.paymentFrequency = draft.paymentFrequency;
  const address = { postcode: draft.postcode.trim(), city: clean(draft.city), addressLine: clean(draft.addressLine) };
  if (!sameAddress(address, detail.effectiveCorrespondenceAddress)) change.correspondenceAddress = address;
  return change;
}
