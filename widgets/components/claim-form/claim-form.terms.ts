import type { TermsOf } from '../../i18n/translation.ts';

/** <gp-claim-form>: its own strings and the problem codes only it meets. Keys start with `claimForm.` (or `problem.`/`field.`). */
export const claimFormHu = {
} as const;

export const claimFormEn = {
} as const satisfies TermsOf<typeof claimFormHu>;
