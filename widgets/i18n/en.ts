import { claimFormEn } from './terms/claim-form.en.ts';
import { invoicePayEn } from './terms/invoice-pay.en.ts';
import { mailboxEn } from './terms/mailbox.en.ts';
import { overviewEn } from './terms/overview.en.ts';
import { policyListEn } from './terms/policy-list.en.ts';
import { profileEn } from './terms/profile.en.ts';
import { profileSecurityEn } from './terms/profile-security.en.ts';
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
  ...overviewEn,
  ...profileSecurityEn,
} as const satisfies Translation;
