import { claimFormHu } from './terms/claim-form.hu.ts';
import { invoicePayHu } from './terms/invoice-pay.hu.ts';
import { mailboxHu } from './terms/mailbox.hu.ts';
import { overviewHu } from './terms/overview.hu.ts';
import { policyListHu } from './terms/policy-list.hu.ts';
import { profileHu } from './terms/profile.hu.ts';
import { profileSecurityHu } from './terms/profile-security.hu.ts';
import { commonHu } from './terms/common.hu.ts';
import { portalHu } from './terms/portal.hu.ts';

/**
 * Hungarian: the reference language. Its keys define {@link Translation}; every other language
 * must provide the same keys. A term is a string, or a function when it takes arguments.
 * Each widget keeps its terms beside it (`<widget>.terms.ts`).
 */
export const hu = {
  ...commonHu,
  ...portalHu,
  ...policyListHu,
  ...invoicePayHu,
  ...claimFormHu,
  ...mailboxHu,
  ...profileHu,
  ...overviewHu,
  ...profileSecurityHu,
} as const;
