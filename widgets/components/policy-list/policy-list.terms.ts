import type { TermsOf } from '../../i18n/translation.ts';

/** <gp-policy-list>: its own strings and the problem codes only it meets. Keys start with `policyList.` (or `problem.`/`field.`). */
export const policyListHu = {
} as const;

export const policyListEn = {
} as const satisfies TermsOf<typeof policyListHu>;
