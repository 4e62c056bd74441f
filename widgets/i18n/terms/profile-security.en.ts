import type { TermsOf } from '../translation.ts';
import type { profileSecurityHu } from './profile-security.hu.ts';

export const profileSecurityEn = {
  'security.heading': 'Security',
  'security.intro': 'See where you are logged in, and manage how you log in.',
  'security.sessionsHeading': 'Where you are logged in',
  'security.sessionsIntro': 'You are logged in in these browsers and on these partner websites.',
  'security.unknownDevice': 'Unknown browser',
  'security.otherSite': 'another partner’s website',
  'security.thisSession': 'This session',
  'security.startedAt': (when: string) => `Logged in: ${when}`,
  'security.lastSeenAt': (when: string) => `Last used: ${when}`,
  'security.end': 'Log out',
  'security.endOthers': 'Log out everywhere else',
  'security.confirmEnd': (device: string) => `Log out ${device}? You will need to log in there again.`,
  'security.confirmEndOthers': 'Log out of all your other sessions? This one stays; everywhere else you will need to log in again.',
  'security.confirmYes': 'Yes, log out',
  'security.ended': 'That session has been ended.',
  'security.endedOthers': (count: number) =>
    count === 0 ? 'You had no other sessions.' : `${count} other ${count === 1 ? 'session has' : 'sessions have'} been ended. We will also tell you by e-mail.`,
  'security.onlyThis': 'You are not logged in anywhere else.',
  'security.methodsHeading': 'How you log in',
  'security.passkeys': 'Passkeys',
  'security.passkeyCount': (count: number) => (count === 0 ? 'No passkeys' : `${count} ${count === 1 ? 'passkey' : 'passkeys'}`),
  'security.twoStep': 'Two-step verification',
  'security.twoStepOn': (codes: number) => `On (${codes} backup ${codes === 1 ? 'code' : 'codes'} left)`,
  'security.twoStepOff': 'Off',
  'security.manage': 'Manage passkeys and two-step verification',
  'security.changePassword': 'Change password',
  'security.newWindow': '(opens in a new tab)',
  'problem.reauthentication_required': 'For your security, please log in again to make this change.',
  'problem.reauthentication_popup_blocked':
    'You need to log in again to make this change, but your browser blocked the log-in window. Allow pop-ups on this page, then try again.',
  'problem.session_not_found': 'That session has already ended.',
  'problem.current_session': 'To end this session, use the log-out button.',
} as const satisfies TermsOf<typeof profileSecurityHu>;
