import { invoicePayHu } from './terms/invoice-pay.hu.ts';
import { mailboxHu } from './terms/mailbox.hu.ts';
import { overviewHu } from './terms/overview.hu.ts';
import { policyListHu } from './terms/policy-list.hu.ts';
import { commonHu } from './terms/common.hu.ts';
import { portalHu } from './terms/portal.hu.ts';

/**
 * Hungarian, the reference language: the core of its pack (the widgets of the entry, and the
 * problems). With the parts of the lazily defined widgets (profile.hu.ts, terms/claim-form.hu.ts)
 * its keys define {@link Translation}; every other language must provide the same keys. A term
 * is a string, or a function when it takes arguments. Each widget's terms are in `terms/`.
 */
export const hu = {
  ...commonHu,
  ...portalHu,
  ...policyListHu,
  ...invoicePayHu,
  ...mailboxHu,
  ...overviewHu,
} as const;
