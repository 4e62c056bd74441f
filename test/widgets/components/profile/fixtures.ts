import type { ProfileData as Profile } from '../../../../widgets/components/profile/profile-rules.ts';
import type { AccountSecurity, AccountSession } from '../../../../widgets/api/schemas.ts';

/** A private person's profile as `GET /me` answers it (the rules' and the widget's tests). */
export const PERSON: Profile = {
  name: 'Szőke Erzsébet',
  customerNumber: '10204460',
  kind: 'person',
  birthDate: '1968-04-12',
  taxNumber: null,
  address: { postcode: '1117', city: 'Budapest', addressLine: 'Irinyi József utca 4.' },
  correspondenceAddress: null,
  email: 'szoke.erzsebet@example.hu',
  phone: '+36 30 412 5567',
  language: 'hu',
};

/** `GET /security`: one passkey, two-step on. */
export const SECURITY: AccountSecurity = {
  passkeys: { count: 1, lastUsedAt: '2026-12-01T08:00:00Z' },
  twoStep: { enabled: true, recoveryCodesLeft: 8 },
  links: { manage: 'https://api.test/account/security', changePassword: 'https://api.test/account/change-password' },
};

/** `GET /security/sessions`: this one, one through another partner's site, one with an unknown browser. */
export const SESSIONS: AccountSession[] = [
  {
    id: '11111111-1111-4111-8111-111111111111',
    site: 'Teszt Alkusz',
    device: 'Chrome, Windows 10',
    startedAt: '2026-12-06T09:00:00Z',
    lastSeenAt: '2026-12-06T10:00:00Z',
    current: true,
  },
  {
    id: '22222222-2222-4222-8222-222222222222',
    site: null,
    device: 'Firefox, Android 14',
    startedAt: '2026-12-05T09:00:00Z',
    lastSeenAt: '2026-12-05T18:30:00Z',
    current: false,
  },
  {
    id: '33333333-3333-4333-8333-333333333333',
    site: 'Teszt Alkusz',
    device: null,
    startedAt: '2026-12-01T07:00:00Z',
    lastSeenAt: '2026-12-02T07:00:00Z',
    current: false,
  },
];
