import type { Translation } from './translation.ts';

/** English: the second language. `satisfies` makes a missing or extra key a type error. */
export const en = {
  'portal.title': 'Customer portal',
  'portal.regionLabel': (insurer: string) => `${insurer} – Customer portal`,
  'lang.groupLabel': 'Choose language',
  'auth.loggedOut.heading': 'Log in to the customer portal',
  'auth.loggedOut.text':
    'Log in to see your live and cancelled contracts, settle your invoices, report a claim and read the documents in your Correspondence mailbox.',
  'auth.loggedOut.registerHint':
    'First time here? You can register with your customer number in the log-in window.',
  'auth.login': 'Log in',
} as const satisfies Translation;
