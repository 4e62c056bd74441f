/**
 * The product's languages: Hungarian first (the default), English second. One definition for the
 * API, the IdP's pages, the e-mails and the PDFs (the widgets, browser-only, keep their own).
 */
export const LANGUAGES = ['hu', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return value === 'hu' || value === 'en';
}
