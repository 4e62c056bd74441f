import { oneTimeLinkTemplate } from './one-time-link.ts';
import { requireText, type Language } from './format.ts';

/** Sent to the NEW address when a customer changes their e-mail address: confirm it. */
export interface EmailChangeConfirmData {
  /** The new address (the recipient's own). */
  newEmail: string;
  confirmUrl: string;
  /** ISO timestamp when the link stops working. */
  expiresAt: string;
}

const hu = {
  subject: 'Erősítse meg új e-mail-címét',
  preview: 'Erősítse meg, hogy ez az új értesítési címe az Ügyfélportálon.',
  heading: 'Erősítse meg új e-mail-címét',
  intro:
    'Az Ügyfélportálon ezt az e-mail-címet adták meg új értesítési címként: **{newEmail}**. A módosítás csak akkor lép életbe, ha az alábbi gombbal megerősíti.',
  action: 'Új e-mail-cím megerősítése',
  expiry: 'A link **{expiresAt}**-ig érvényes, és csak egyszer használható.',
  notYou: 'Ha nem Ön kérte, ne kattintson a linkre, és hagyja figyelmen kívül ezt a levelet: ezt a címet nem fogjuk használni.',
};

const en: typeof hu = {
  subject: 'Confirm your new e-mail address',
  preview: 'Confirm that this is your new notification address for the Customer Portal.',
  heading: 'Confirm your new e-mail address',
  intro:
    'This e-mail address was given as the new notification address of a Customer Portal account: **{newEmail}**. The change takes effect only once you confirm it with the button below.',
  action: 'Confirm new e-mail address',
  expiry: 'The link is valid until **{expiresAt}** and can be used once.',
  notYou: 'If you did not ask for this, do not click the link and ignore this e-mail: this address will not be used.',
};

const STRINGS = { hu, en } satisfies Record<Language, typeof hu>;

export const emailChangeConfirm = oneTimeLinkTemplate<EmailChangeConfirmData, 'confirmUrl', { newEmail: string }>({
  name: 'email_change_confirm',
  urlField: 'confirmUrl',
  strings: STRINGS,
  extraVars: (data) => ({ newEmail: requireText(data.newEmail, 'newEmail') }),
});
