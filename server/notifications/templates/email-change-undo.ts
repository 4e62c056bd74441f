import type { TemplateDefinition } from './engine.ts';
import { formatDateTime, httpUrl, maskEmail, type Language } from './format.ts';
import { button, content, rich, textLink } from './layout.ts';
import { securityNoticeMjml, securityNoticeText, serviceContact } from './security-notice.ts';

/**
 * Sent to the PREVIOUS address once an e-mail change has been confirmed: the login has moved,
 * and a single-use link (72 hours) moves it back and ends every session, in case it was not the
 * customer who changed it.
 */
export interface EmailChangeUndoData {
  /** The new login: shown masked ("k•••@example.com"). */
  newEmail: string;
  /** ISO timestamp of the confirmation. */
  changedAt: string;
  /** The undo page with its single-use token. */
  undoUrl: string;
  /** ISO timestamp after which the link no longer works. */
  expiresAt: string;
}

const hu = {
  subject: 'Megváltozott az Ügyfélportál bejelentkezési e-mail-címe',
  preview: 'Ügyfélportál-fiókjába mostantól egy másik e-mail-címmel lehet bejelentkezni. Ha nem Ön volt, visszaállíthatja.',
  heading: 'Megváltozott a bejelentkezési e-mail-címe',
  intro:
    '{changedAt}-kor megerősítették Ügyfélportál-fiókjának új e-mail-címét: **{newEmailMasked}**. Mostantól ezzel a címmel lehet bejelentkezni, és az értesítéseket is oda küldjük.',
  you: 'Ha Ön módosította, nincs további teendője.',
  notYouTitle: 'Nem Ön volt?',
  notYou:
    'Az alábbi gombbal {expiresAt}-ig visszaállíthatja ezt a címet; ekkor minden bejelentkezés megszűnik, és új jelszót állíthat be. Kérjük, hívja ügyfélszolgálatunkat is a **{servicePhone}** telefonszámon, vagy írjon nekünk: {serviceEmail}.',
  action: 'Nem én voltam – a régi cím visszaállítása',
};

const en: typeof hu = {
  subject: 'The login e-mail address of your Customer Portal account has changed',
  preview: 'Your Customer Portal account now logs in with another e-mail address. If it wasn’t you, you can undo it.',
  heading: 'Your login e-mail address has changed',
  intro:
    'On {changedAt} the new e-mail address of your Customer Portal account was confirmed: **{newEmailMasked}**. From now on the account logs in with that address, and we send notifications there.',
  you: 'If you changed it, there is nothing more to do.',
  notYouTitle: 'Wasn’t it you?',
  notYou:
    'Until {expiresAt} the button below restores this address; every session then ends, and you can set a new password. Please also call our customer service on **{servicePhone}**, or write to us at {serviceEmail}.',
  action: 'It wasn’t me – restore my previous address',
};

const STRINGS = { hu, en } satisfies Record<Language, typeof hu>;

type EmailChangeUndoVars = { newEmailMasked: string; changedAt: string; expiresAt: string; undoUrl: string; servicePhone: string; serviceEmail: string };

export const emailChangeUndo: TemplateDefinition<EmailChangeUndoData, EmailChangeUndoVars> = {
  name: 'email_change_undo',
  subject: (_data, lang) => STRINGS[lang].subject,
  mjml: (lang) => securityNoticeMjml(lang, STRINGS[lang], content(button('undoUrl', rich(STRINGS[lang].action)))),
  vars: (data, lang) => ({
    newEmailMasked: maskEmail(data.newEmail, 'newEmail'),
    changedAt: formatDateTime(data.changedAt, lang, 'changedAt'),
    expiresAt: formatDateTime(data.expiresAt, lang, 'expiresAt'),
    undoUrl: httpUrl(data.undoUrl, 'undoUrl'),
    ...serviceContact(),
  }),
  text: (v, lang) => securityNoticeText(lang, STRINGS[lang], v, textLink(STRINGS[lang].action, v.undoUrl)),
};
