import type { TermsOf } from '../../i18n/translation.ts';

/** <gp-mailbox>: its own strings and the problem codes only it meets. Keys start with `mailbox.` (or `problem.`/`field.`). */
export const mailboxHu = {
} as const;

export const mailboxEn = {
} as const satisfies TermsOf<typeof mailboxHu>;
