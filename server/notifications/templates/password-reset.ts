import { oneTimeLinkTemplate } from './one-time-link.ts';
import type { Language } from './format.ts';

/** "Reset your password": the forgotten-password link. */
export interface PasswordResetData {
  resetUrl: string;
  /** ISO timestamp when the link stops working. */
  expiresAt: string;
}

const hu = {
  subject: 'Jelszó visszaállítása',
  preview: 'Új jelszót kért az Ügyfélportálhoz? A link {expiresAt}-ig érvényes.',
  heading: 'Jelszó visszaállítása',
  intro: 'Új jelszó beállítását kérték az Ügyfélportál-fiókjához. Az alábbi gombbal adhatja meg az új jelszavát.',
  action: 'Új jelszó megadása',
  expiry: 'A link **{expiresAt}**-ig érvényes, és csak egyszer használható.',
  notYou: 'Ha nem Ön kérte, hagyja figyelmen kívül ezt a levelet: jelszava nem változik, és fiókjához senki nem fér hozzá a link nélkül.',
};

const en: typeof hu = {
  subject: 'Reset your password',
  preview: 'Did you ask for a new Customer Portal password? The link is valid until {expiresAt}.',
  heading: 'Reset your password',
  intro: 'Someone asked to set a new password for your Customer Portal account. Use the button below to choose a new password.',
  action: 'Choose a new password',
  expiry: 'The link is valid until **{expiresAt}** and can be used once.',
  notYou: 'If it wasn’t you, ignore this e-mail: your password stays the same, and nobody can use your account without this link.',
};

const STRINGS = { hu, en } satisfies Record<Language, typeof hu>;

export const passwordReset = oneTimeLinkTemplate<PasswordResetData, 'resetUrl'>({
  name: 'password_reset',
  urlField: 'resetUrl',
  strings: STRINGS,
});
