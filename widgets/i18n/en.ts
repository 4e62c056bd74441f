import { claimFormEn } from '../components/claim-form/claim-form.terms.en.ts';
import { invoicePayEn } from '../components/invoice-pay/invoice-pay.terms.en.ts';
import { mailboxEn } from '../components/mailbox/mailbox.terms.en.ts';
import { policyListEn } from '../components/policy-list/policy-list.terms.en.ts';
import { profileEn } from '../components/profile/profile.terms.en.ts';
import type { Translation } from './translation.ts';
import { commonEn } from './terms/common.en.ts';
import { portalEn } from './terms/portal.en.ts';

/** English: the second language. `satisfies` makes a missing or extra key a type error. */
export const en = {
  ...commonEn,
  ...portalEn,
  ...policyListEn,
  ...invoicePayEn,
  ...claimFormEn,
  ...mailboxEn,
  ...profileEn,
} as const satisfies Translation;
