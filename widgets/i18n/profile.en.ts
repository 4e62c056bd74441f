import { profileEn } from './terms/profile.en.ts';
import { profileSecurityEn } from './terms/profile-security.en.ts';

/** The terms of `<gp-profile>` (its details and its security section): a part of the pack loaded with it. */
export const profileTermsEn = { ...profileEn, ...profileSecurityEn } as const;
