import type { TermsOf } from '../../i18n/translation.ts';

/** <gp-invoice-pay>: its own strings and the problem codes only it meets. Keys start with `invoicePay.` (or `problem.`/`field.`). */
export const invoicePayHu = {
} as const;

export const invoicePayEn = {
} as const satisfies TermsOf<typeof invoicePayHu>;
