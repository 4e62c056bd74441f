import type { TemplateDefinition } from './engine.ts';
import { formatDateTime, httpUrl, TemplateDataError, type Language } from './format.ts';
import { button, content, plain, rich, textLink, textPage } from './layout.ts';
import { securityNoticeMjml, serviceContact } from './security-notice.ts';

/** What happened to the account; one notice e-mail each (issue 16). */
export const SECURITY_EVENTS = [
  'password_changed',
  'passkey_added',
  'passkey_removed',
  'two_step_enabled',
  'two_step_disabled',
  'recovery_code_used',
  'recovery_codes_regenerated',
  'sessions_ended',
] as const;
export type SecurityEvent = (typeof SECURITY_EVENTS)[number];

/** The `security_notice` template: one generic notice, the wording chosen by `event`. */
export interface SecurityEventNoticeData {
  event: SecurityEvent;
  /** ISO timestamp of the change. */
  occurredAt: string;
  /** The account's security page (passkeys, two-step log-in, password). */
  securityUrl: string;
}

type EventText = { subject: string; intro: string };

const hu = {
  preview: 'Biztonsági változás történt Ügyfélportál-fiókjában.',
  heading: '{eventSubject}',
  intro: '{eventIntro}',
  you: 'Ha Ön volt, nincs további teendője.',
  notYouTitle: 'Nem Ön volt?',
  notYou:
    'Azonnal változtassa meg jelszavát, nézze át fiókja biztonsági beállításait, és hívja ügyfélszolgálatunkat a **{servicePhone}** telefonszámon, vagy írjon nekünk: {serviceEmail}.',
  action: 'Biztonsági beállítások',
  events: {
    password_changed: {
      subject: 'Megváltozott a jelszava',
      intro: 'Ügyfélportál-fiókjának jelszavát {occurredAt}-kor megváltoztatták. A többi eszközén kijelentkeztettük.',
    },
    passkey_added: {
      subject: 'Új azonosítókulcsot adtak a fiókjához',
      intro: 'Ügyfélportál-fiókjához {occurredAt}-kor új azonosítókulcsot (passkey) adtak hozzá.',
    },
    passkey_removed: {
      subject: 'Azonosítókulcsot töröltek a fiókjából',
      intro: 'Ügyfélportál-fiókjából {occurredAt}-kor töröltek egy azonosítókulcsot (passkey).',
    },
    two_step_enabled: {
      subject: 'Bekapcsolták a kétlépcsős azonosítást',
      intro: 'Ügyfélportál-fiókjában {occurredAt}-kor bekapcsolták a kétlépcsős azonosítást hitelesítő alkalmazással.',
    },
    two_step_disabled: {
      subject: 'Kikapcsolták a kétlépcsős azonosítást',
      intro: 'Ügyfélportál-fiókjában {occurredAt}-kor kikapcsolták a kétlépcsős azonosítást. Ezentúl a jelszó is elég a belépéshez.',
    },
    recovery_code_used: {
      subject: 'Helyreállító kóddal léptek be',
      intro: 'Ügyfélportál-fiókjába {occurredAt}-kor egy helyreállító kóddal léptek be. A felhasznált kód többé nem érvényes.',
    },
    recovery_codes_regenerated: {
      subject: 'Új helyreállító kódokat kértek',
      intro: 'Ügyfélportál-fiókjához {occurredAt}-kor új helyreállító kódokat kértek. A korábbi kódok többé nem érvényesek.',
    },
    sessions_ended: {
      subject: 'Kijelentkeztettük a többi eszközén',
      intro: 'Ügyfélportál-fiókjának munkameneteit {occurredAt}-kor lezárták: a többi eszközén újra be kell jelentkeznie.',
    },
  } satisfies Record<SecurityEvent, EventText>,
};

const en: typeof hu = {
  preview: 'A security setting of your Customer Portal account has changed.',
  heading: '{eventSubject}',
  intro: '{eventIntro}',
  you: 'If it was you, there is nothing more to do.',
  notYouTitle: 'Wasn’t it you?',
  notYou:
    'Change your password at once, review your account’s security settings, and call our customer service on **{servicePhone}** or write to us at {serviceEmail}.',
  action: 'Security settings',
  events: {
    password_changed: {
      subject: 'Your password has been changed',
      intro: 'The password of your Customer Portal account was changed on {occurredAt}. You have been logged out on your other devices.',
    },
    passkey_added: { subject: 'A passkey was added to your account', intro: 'A new passkey was added to your Customer Portal account on {occurredAt}.' },
    passkey_removed: { subject: 'A passkey was removed from your account', intro: 'A passkey was removed from your Customer Portal account on {occurredAt}.' },
    two_step_enabled: {
      subject: 'Two-step log-in is on',
      intro: 'Two-step log-in with an authenticator app was turned on for your Customer Portal account on {occurredAt}.',
    },
    two_step_disabled: {
      subject: 'Two-step log-in was turned off',
      intro: 'Two-step log-in was turned off for your Customer Portal account on {occurredAt}. From now on the password alone lets you in.',
    },
    recovery_code_used: {
      subject: 'A recovery code was used to log in',
      intro: 'Someone logged in to your Customer Portal account with a recovery code on {occurredAt}. That code is no longer valid.',
    },
    recovery_codes_regenerated: {
      subject: 'New recovery codes were made',
      intro: 'New recovery codes were made for your Customer Portal account on {occurredAt}. The earlier codes no longer work.',
    },
    sessions_ended: {
      subject: 'You have been logged out on your other devices',
      intro: 'The sessions of your Customer Portal account were ended on {occurredAt}: you need to log in again on your other devices.',
    },
  },
};

const STRINGS = { hu, en } satisfies Record<Language, typeof hu>;

type SecurityEventNoticeVars = {
  eventSubject: string;
  eventIntro: string;
  securityUrl: string;
  servicePhone: string;
  serviceEmail: string;
};

function eventText(data: SecurityEventNoticeData, lang: Language): EventText {
  if (!(SECURITY_EVENTS as readonly string[]).includes(data.event)) throw new TemplateDataError(`unknown security event ${String(data.event)}`, 'event');
  return STRINGS[lang].events[data.event];
}

export const securityEventNotice: TemplateDefinition<SecurityEventNoticeData, SecurityEventNoticeVars> = {
  name: 'security_notice',
  subject: (data, lang) => eventText(data, lang).subject,
  // The wording differs per event, so it comes in as values: the MJML is compiled once per language.
  mjml: (lang) => securityNoticeMjml(lang, STRINGS[lang], content(button('securityUrl', rich(STRINGS[lang].action)))),
  vars(data, lang) {
    const text = eventText(data, lang);
    return {
      eventSubject: text.subject,
      eventIntro: plain(text.intro, { occurredAt: formatDateTime(data.occurredAt, lang, 'occurredAt') }),
      securityUrl: httpUrl(data.securityUrl, 'securityUrl'),
      ...serviceContact(),
    };
  },
  text(v, lang) {
    const s = STRINGS[lang];
    return textPage(lang, [`${v.eventSubject}\n\n${v.eventIntro}`, s.you, `${s.notYouTitle}\n${plain(s.notYou, v)}`, textLink(s.action, v.securityUrl)]);
  },
};
