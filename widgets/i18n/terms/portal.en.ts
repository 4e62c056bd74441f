import type { TermsOf } from '../translation.ts';
import type { portalHu } from './portal.hu.ts';

export const portalEn = {
  'portal.title': 'Customer portal',
  'portal.regionLabel': (insurer: string) => `${insurer} – Customer portal`,
  'lang.groupLabel': 'Choose language',
  'auth.loggedOut.heading': 'Log in to the customer portal',
  'auth.loggedOut.text': 'Here you can see your live and cancelled contracts, pay your invoices, report a claim and read the documents in your correspondence.',
  'auth.loggedOut.registerHint': 'First time here? You can register with your customer number in the log-in window.',
  'auth.login': 'Log in',
  'auth.logout': 'Log out',
  'auth.checking': 'Checking your log-in…',
  'auth.loggingIn': 'Logging in – continue in the window that opened.',
  'auth.loggedInAs': (name: string) => `Logged in as ${name}`,
  'auth.customerNumber': (number: string) => `Customer number: ${number}`,
  'auth.loggedOutNotice': 'You have logged out.',
  'auth.expiredNotice': 'Your session has expired. Please log in again.',
  'auth.memoryOnlyNotice': 'This browser does not let us remember your log-in: if you close or reload this page, you will need to log in again.',
  'auth.loginSucceeded': (name: string) => `You are logged in. Welcome, ${name}!`,
  'portal.noticeDismiss': 'Close the notice',
} as const satisfies TermsOf<typeof portalHu>;
