import { invoicePayEn } from './terms/invoice-pay.en.ts';
import { mailboxEn } from './terms/mailbox.en.ts';
import { overviewEn } from './terms/overview.en.ts';
import { policyListEn } from './terms/policy-list.en.ts';
import type { CoreTranslation } from './translation.ts';
import { commonEn } from './terms/common.en.ts';
import { portalEn } from './terms/portal.en.ts';

/** English, the second language: the core of its pack. `satisfies` makes a missing or extra key a type error. */
export const en = {
  ...commonEn,
  ...portalEn,
  ...policyListEn,
  ...invoicePayEn,
  ...mailboxEn,
  ...overviewEn,
} as const satisfies CoreTranslation;
