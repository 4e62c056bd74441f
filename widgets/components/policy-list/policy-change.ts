import type { PaymentFrequency, PaymentMethod, PolicyChange, PolicyDetail } from '../../api/schemas.ts';
import { addressKey, addressLineProblem, cityProblem, cleanAddress, postcodeProblem } from '../../internal/address-rules.ts';

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

export function draftOf(detail: PolicyDetail): ChangeDraft {
  const { postcode, city, addressLine } = detail.effectiveCorrespondenceAddress;
  return { paymentFrequency: detail.paymentFrequency, paymentMethod: detail.paymentMethod, postcode, city, addressLine };
}

/** The fields the API would refuse, with its codes; empty when the draft may be sent. */
export function validateDraft(draft: ChangeDraft, detail: PolicyDetail): ChangeErrors {
  const errors: ChangeErrors = {};
  const option = detail.paymentOptions.find((o) => o.frequency === draft.paymentFrequency);
  if (!option) errors.paymentFrequency = 'not_allowed';
  else if (!option.methods.includes(draft.paymentMethod)) errors.paymentMethod = 'not_allowed_for_product';
  const postcode = postcodeProblem(draft.postcode);
  if (postcode) errors.postcode = postcode;
  const city = cityProblem(draft.city);
  if (city) errors.city = city;
  const line = addressLineProblem(draft.addressLine);
  if (line) errors.addressLine = line;
  return errors;
}

/** The PATCH body: only what differs from the contract (an empty object when nothing does). */
export function changeOf(draft: ChangeDraft, detail: PolicyDetail): PolicyChange {
  const change: PolicyChange = {};
  if (draft.paymentMethod !== detail.paymentMethod) change.paymentMethod = draft.paymentMethod;
  if (draft.paymentFrequency !== detail.paymentFrequency) change.paymentFrequency = draft.paymentFrequency;
  const address = cleanAddress(draft);
  if (addressKey(address) !== addressKey(detail.effectiveCorrespondenceAddress)) change.correspondenceAddress = address;
  return change;
}
