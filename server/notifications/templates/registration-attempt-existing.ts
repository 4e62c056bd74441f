import type { TemplateDefinition } from './engine.ts';
import { formatDateTime, httpUrl, type Language } from './format.ts';
import { button, content, heading, page, paragraph, plain, rich, textLink, textPage } from './layout.ts';

/**
 * Someone tried to register an account that already exists. Sent to the account's address
 * (the registration form itself answers the same either way, so it reveals nothing).
 */
export interface RegistrationAttemptExistingData {
  /** ISO timestamp of the attempt. */
  attemptedAt: string;
  loginUrl: string;
  /** The forgotten-password page. */
  resetUrl: string;
}

const hu = {
  subject: 'Már van Ügyfélportál-fiókja',
  preview: 'Regisztrációt kezdeményeztek az Ügyfélportálon, de Önnek már van fiókja.',
  heading: 'Már van Ügyfélportál-fiókja',
  intro: '{attemptedAt}-kor regisztrációt kezdeményeztek az Ügyfélportálon az Ön adataival, de ezekhez már tartozik fiók, ezért új fiók nem jött létre.',
  you: 'Ha Ön volt, jelentkezzen be meglévő fiókjába. Ha elfelejtette jelszavát, kérjen újat.',
  login: 'Bejelentkezés',
  reset: 'Elfelejtett jelszó',
  notYou: 'Ha nem Ön volt, nincs teendője: fiókja nem változott, és a regisztrációs kísérlettel senki nem fért hozzá.',
};

const en: typeof hu = {
  subject: 'You already have a Customer Portal account',
  preview: 'Someone tried to register for the Customer Portal, but you already have an account.',
  heading: 'You already have a Customer Portal account',
  intro:
    'On {attemptedAt} someone tried to register for the Customer Portal with your details, but an account already exists for them, so no new account was created.',
  you: 'If it was you, log in to your existing account. If you have forgotten your password, request a new one.',
  login: 'Log in',
  reset: 'Forgotten password',
  notYou: 'If it wasn’t you, there is nothing to do: your account has not changed, and the attempt gave nobody access to it.',
};

const STRINGS = { hu, en } satisfies Record<Language, typeof hu>;

type RegistrationAttemptExistingVars = { attemptedAt: string; loginUrl: string; resetUrl: string };

export const registrationAttemptExisting: TemplateDefinition<RegistrationAttemptExistingData, RegistrationAttemptExistingVars> = {
  name: 'registration_attempt_existing',
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
          paragraph(rich(s.you)),
          button('loginUrl', rich(s.login)),
          button('resetUrl', rich(s.reset), 'secondary'),
          paragraph(rich(s.notYou), { small: true }),
        ),
      ],
    });
  },
  vars: (data, lang) => ({
    attemptedAt: formatDateTime(data.attemptedAt, lang, 'attemptedAt'),
    loginUrl: httpUrl(data.loginUrl, 'loginUrl'),
    resetUrl: httpUrl(data.resetUrl, 'resetUrl'),
  }),
  text(v, lang) {
    const s = STRINGS[lang];
    return textPage(lang, [`${s.heading}\n\n${plain(s.intro, v)}`, s.you, textLink(s.login, v.loginUrl), textLink(s.reset, v.resetUrl), s.notYou]);
  },
};
