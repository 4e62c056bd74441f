import type { TemplateDefinition } from './engine.ts';
import { formatDateTime, httpUrl, type Language } from './format.ts';
import { button, content, heading, linkFallback, page, paragraph, plain, rich, textLink, textPage } from './layout.ts';

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
  notYou:
    'Ha nem Ön kérte, hagyja figyelmen kívül ezt a levelet: jelszava nem változik, és fiókjához senki nem fér hozzá a link nélkül.',
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

type PasswordResetVars = { resetUrl: string; expiresAt: string };

export const passwordReset: TemplateDefinition<PasswordResetData, PasswordResetVars> = {
  name: 'password_reset',
  subject: (_data, lang) => STRINGS[lang].subject,
  mjml(lang) {
    const s = STRINGS[lang];
    return page({
      lang,
      preview: rich(s.preview),
      sections: [
        content(
          heading(rich(s.heading)),
          paragraph(rich(s.intro)),
          button('resetUrl', rich(s.action)),
          paragraph(rich(s.expiry)),
          linkFallback(lang, 'resetUrl'),
          paragraph(rich(s.notYou), { small: true }),
        ),
      ],
    });
  },
  vars: (data, lang) => ({
    resetUrl: httpUrl(data.resetUrl, 'resetUrl'),
    expiresAt: formatDateTime(data.expiresAt, lang, 'expiresAt'),
  }),
  text(v, lang) {
    const s = STRINGS[lang];
    return textPage(lang, [`${s.heading}\n\n${s.intro}`, textLink(s.action, v.resetUrl), plain(s.expiry, v), s.notYou]);
  },
};
