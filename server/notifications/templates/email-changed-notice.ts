import type { TemplateDefinition } from './engine.ts';
import { formatDateTime, httpUrl, maskEmail, type Language } from './format.ts';
import { button, content, rich, textLink } from './layout.ts';
import { securityNoticeMjml, securityNoticeText, serviceContact } from './security-notice.ts';

/** Sent to the OLD address when a change of the account's e-mail address is requested. */
export interface EmailChangedNoticeData {
  /** The requested new address: shown masked ("k•••@example.com"). */
  newEmail: string;
  /** ISO timestamp of the request. */
  requestedAt: string;
  /** Optional one-click "this wasn't me": cancels the pending change. */
  cancelUrl?: string | null;
}

const hu = {
  subject: 'E-mail-címe módosítását kérték',
  preview: 'Ügyfélportál-fiókja értesítési címének módosítását kérték. Ha nem Ön volt, jelezze nekünk.',
  heading: 'E-mail-címe módosítását kérték',
  intro:
    '{requestedAt}-kor kérték, hogy Ügyfélportál-fiókjának értesítési e-mail-címe erre módosuljon: **{newEmailMasked}**. A módosítás az új cím megerősítése után lép életbe; ezután az értesítéseket oda küldjük, erre a címre már nem.',
  you: 'Ha Ön kérte, nincs további teendője.',
  notYouTitle: 'Nem Ön volt?',
  notYou:
    'Kérjük, azonnal hívja ügyfélszolgálatunkat a **{servicePhone}** telefonszámon, vagy írjon nekünk: {serviceEmail}. Javasoljuk, hogy jelszavát is változtassa meg.',
  cancel: 'Nem én voltam – a módosítás visszavonása',
};

const en: typeof hu = {
  subject: 'A change of your e-mail address was requested',
  preview: 'A change of your Customer Portal notification address was requested. If it wasn’t you, let us know.',
  heading: 'A change of your e-mail address was requested',
  intro:
    'On {requestedAt} it was requested that the notification address of your Customer Portal account be changed to **{newEmailMasked}**. The change takes effect once the new address is confirmed; from then on we will send notifications there instead of to this address.',
  you: 'If it was you, there is nothing more to do.',
  notYouTitle: 'Wasn’t it you?',
  notYou: 'Please call our customer service at once on **{servicePhone}**, or write to us at {serviceEmail}. We also recommend that you change your password.',
  cancel: 'It wasn’t me – cancel the change',
};

const STRINGS = { hu, en } satisfies Record<Language, typeof hu>;

type EmailChangedNoticeVars = {
  newEmailMasked: string;
  requestedAt: string;
  cancelUrl: string | null;
  servicePhone: string;
  serviceEmail: string;
};

export const emailChangedNotice: TemplateDefinition<EmailChangedNoticeData, EmailChangedNoticeVars> = {
  name: 'email_changed_notice',
  subject: (_data, lang) => STRINGS[lang].subject,
  mjml(lang) {
    const s = STRINGS[lang];
    // The optional button: the section markers sit between the column's rows.
    return securityNoticeMjml(
      lang,
      s,
      content('<mj-raw>%%#cancelUrl%%</mj-raw>', button('cancelUrl', rich(s.cancel), 'secondary'), '<mj-raw>%%/cancelUrl%%</mj-raw>'),
    );
  },
  vars(data, lang) {
    const cancelUrl = data.cancelUrl === null || data.cancelUrl === undefined || data.cancelUrl === '' ? null : httpUrl(data.cancelUrl, 'cancelUrl');
    return {
      newEmailMasked: maskEmail(data.newEmail, 'newEmail'),
      requestedAt: formatDateTime(data.requestedAt, lang, 'requestedAt'),
      cancelUrl,
      ...serviceContact(),
    };
  },
  text: (v, lang) => securityNoticeText(lang, STRINGS[lang], v, v.cancelUrl && textLink(STRINGS[lang].cancel, v.cancelUrl)),
};
