import { claimFormHu } from '../components/claim-form/claim-form.terms.hu.ts';
import { invoicePayHu } from '../components/invoice-pay/invoice-pay.terms.hu.ts';
import { mailboxHu } from '../components/mailbox/mailbox.terms.hu.ts';
import { policyListHu } from '../components/policy-list/policy-list.terms.hu.ts';
import { profileHu } from '../components/profile/profile.terms.hu.ts';
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
} as const;
