import type { TemplateDefinition } from './engine.ts';
import { formatDateTime, httpUrl, type Language } from './format.ts';
import { button, content, rich, textLink } from './layout.ts';
import { securityNoticeMjml, securityNoticeText, serviceContact } from './security-notice.ts';

/** Security notice after the account's password was changed (or reset). */
export interface PasswordChangedData {
  /** ISO timestamp of the change. */
  changedAt: string;
  /** The forgotten-password page, to take the account back. */
  resetUrl: string;
}

const hu = {
  subject: 'Megváltozott a jelszava',
  preview: 'Ügyfélportál-fiókja jelszava {changedAt}-kor megváltozott.',
  heading: 'Megváltozott a jelszava',
  intro: 'Ügyfélportál-fiókjának jelszavát **{changedAt}**-kor megváltoztatták.',
  you: 'Ha Ön volt, nincs további teendője.',
  notYouTitle: 'Nem Ön változtatta meg?',
  notYou:
    'Azonnal állítson be új jelszót az alábbi gombbal, és hívja ügyfélszolgálatunkat a **{servicePhone}** telefonszámon, vagy írjon nekünk: {serviceEmail}.',
  action: 'Új jelszó beállítása',
};

const en: typeof hu = {
  subject: 'Your password has been changed',
  preview: 'The password of your Customer Portal account was changed on {changedAt}.',
  heading: 'Your password has been changed',
  intro: 'The password of your Customer Portal account was changed on **{changedAt}**.',
  you: 'If it was you, there is nothing more to do.',
  notYouTitle: 'Didn’t change it yourself?',
  notYou: 'Set a new password at once with the button below, and call our customer service on **{servicePhone}** or write to us at {serviceEmail}.',
  action: 'Set a new password',
};

const STRINGS = { hu, en } satisfies Record<Language, typeof hu>;

type PasswordChangedVars = { changedAt: string; resetUrl: string; servicePhone: string; serviceEmail: string };

export const passwordChanged: TemplateDefinition<PasswordChangedData, PasswordChangedVars> = {
  name: 'password_changed',
  subject: (_data, lang) => STRINGS[lang].subject,
  mjml: (lang) => securityNoticeMjml(lang, STRINGS[lang], content(button('resetUrl', rich(STRINGS[lang].action)))),
  vars: (data, lang) => ({
    changedAt: formatDateTime(data.changedAt, lang, 'changedAt'),
    resetUrl: httpUrl(data.resetUrl, 'resetUrl'),
    ...serviceContact(),
  }),
  text: (v, lang) => securityNoticeText(lang, STRINGS[lang], v, textLink(STRINGS[lang].action, v.resetUrl)),
};
