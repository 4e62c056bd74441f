import { oneTimeLinkTemplate } from './one-time-link.ts';
import type { Language } from './format.ts';

/** "Confirm your e-mail address": sent after registration (or when the address is unverified). */
export interface VerifyEmailData {
  verifyUrl: string;
  /** ISO timestamp when the link stops working. */
  expiresAt: string;
}

const hu = {
  subject: 'Erősítse meg e-mail-címét',
  preview: 'Egy kattintással erősítse meg e-mail-címét az Ügyfélportálon. A link {expiresAt}-ig érvényes.',
  heading: 'Erősítse meg e-mail-címét',
  intro:
    'Köszönjük, hogy regisztrált az Ügyfélportálra. Kérjük, erősítse meg, hogy ez az e-mail-cím az Öné: ide küldjük majd az értesítéseket az új dokumentumairól.',
  action: 'E-mail-cím megerősítése',
  expiry: 'A link **{expiresAt}**-ig érvényes, és csak egyszer használható.',
  notYou: 'Ha nem Ön regisztrált, hagyja figyelmen kívül ezt a levelet: megerősítés nélkül ezt a címet nem használjuk.',
};

const en: typeof hu = {
  subject: 'Confirm your e-mail address',
  preview: 'Confirm your e-mail address for the Customer Portal with one click. The link is valid until {expiresAt}.',
  heading: 'Confirm your e-mail address',
  intro:
    'Thank you for registering for the Customer Portal. Please confirm that this e-mail address is yours: we will send the notifications about your new documents here.',
  action: 'Confirm e-mail address',
  expiry: 'The link is valid until **{expiresAt}** and can be used once.',
  notYou: 'If you did not register, please ignore this e-mail: the address will not be used unless it is confirmed.',
};

const STRINGS = { hu, en } satisfies Record<Language, typeof hu>;

export const verifyEmail = oneTimeLinkTemplate<VerifyEmailData, 'verifyUrl'>({
  name: 'verify_email',
  urlField: 'verifyUrl',
  strings: STRINGS,
});
