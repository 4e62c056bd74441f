import { profileHu } from './terms/profile.hu.ts';
import { profileSecurityHu } from './terms/profile-security.hu.ts';

/** The terms of `<gp-profile>` (its details and its security section): a part of the pack loaded with it. */
export const profileTermsHu = { ...profileHu, ...profileSecurityHu } as const;
