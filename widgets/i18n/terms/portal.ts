import type { TermsOf } from '../translation.ts';

/** <gp-portal>: header, log-in and session. */
export const portalHu = {
  'portal.title': 'Ügyfélportál',
  'portal.regionLabel': (insurer: string) => `${insurer} – Ügyfélportál`,
  'lang.groupLabel': 'Nyelv választása',
  'auth.loggedOut.heading': 'Jelentkezzen be az Ügyfélportálra',
  'auth.loggedOut.text':
    'Jelentkezzen be, hogy megtekinthesse élő és törölt szerződéseit, rendezhesse számláit, bejelenthessen egy kárt, és elolvashassa a Levelezésbe érkezett dokumentumait.',
  'auth.loggedOut.registerHint': 'Első alkalommal jár itt? A bejelentkezési ablakban ügyfélszámával regisztrálhat.',
  'auth.login': 'Bejelentkezés',
  'auth.logout': 'Kijelentkezés',
  'auth.checking': 'Bejelentkezés ellenőrzése…',
  'auth.loggingIn': 'Bejelentkezés folyamatban – folytassa a megnyílt ablakban.',
  'auth.loggedInAs': (name: string) => `Bejelentkezve: ${name}`,
  'auth.customerNumber': (number: string) => `Ügyfélszám: ${number}`,
  'auth.loggedOutNotice': 'Kijelentkezett.',
  'auth.expiredNotice': 'A munkamenete lejárt. Kérjük, jelentkezzen be újra.',
  'auth.loginSucceeded': (name: string) => `Sikeres bejelentkezés. Üdvözöljük, ${name}!`,
} as const;

export const portalEn = {
  'portal.title': 'Customer portal',
  'portal.regionLabel': (insurer: string) => `${insurer} – Customer portal`,
  'lang.groupLabel': 'Choose language',
  'auth.loggedOut.heading': 'Log in to the customer portal',
  'auth.loggedOut.text':
    'Log in to see your live and cancelled contracts, settle your invoices, report a claim and read the documents in your Correspondence mailbox.',
  'auth.loggedOut.registerHint': 'First time here? You can register with your customer number in the log-in window.',
  'auth.login': 'Log in',
  'auth.logout': 'Log out',
  'auth.checking': 'Checking your log-in…',
  'auth.loggingIn': 'Logging in – continue in the window that opened.',
  'auth.loggedInAs': (name: string) => `Logged in as ${name}`,
  'auth.customerNumber': (number: string) => `Customer number: ${number}`,
  'auth.loggedOutNotice': 'You have logged out.',
  'auth.expiredNotice': 'Your session has expired. Please log in again.',
  'auth.loginSucceeded': (name: string) => `You are logged in. Welcome, ${name}!`,
} as const satisfies TermsOf<typeof portalHu>;
