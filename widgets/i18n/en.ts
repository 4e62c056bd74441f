import { claimFormEn } from '../components/claim-form/claim-form.terms.ts';
import { invoicePayEn } from '../components/invoice-pay/invoice-pay.terms.ts';
import { mailboxEn } from '../components/mailbox/mailbox.terms.ts';
import { policyListEn } from '../components/policy-list/policy-list.terms.ts';
import { profileEn } from '../components/profile/profile.terms.ts';
import type { Translation } from './translation.ts';
import { commonEn } from './terms/common.ts';
import { portalEn } from './terms/portal.ts';

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
