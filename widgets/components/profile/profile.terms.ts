import type { TermsOf } from '../../i18n/translation.ts';

/** <gp-profile>: its own strings and the problem codes only it meets. Keys start with `profile.` (or `problem.`/`field.`). */
export const profileHu = {
} as const;

export const profileEn = {
} as const satisfies TermsOf<typeof profileHu>;
