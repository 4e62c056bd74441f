import type { ProfileData as Profile } from '../../../../widgets/components/profile/profile-rules.ts';

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
