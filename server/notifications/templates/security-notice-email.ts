import type { TemplateDefinition } from './engine.ts';
import { formatDateTime, TemplateDataError, type Language } from './format.ts';
import { plain } from './layout.ts';
import { securityNoticeMjml, securityNoticeText, serviceContact, type SecurityNoticeStrings } from './security-notice.ts';

/**
 * The account-security notice (issue 16): one template for every security change, the `event`
 * choosing the words. Each event adds its strings to `EVENTS`; the MJML is compiled once per
 * language with the strings as values, so a new event needs no new template.
 */
export type SecurityEvent = 'sessions_ended';

export interface SecurityNoticeData {
  event: SecurityEvent;
  /** ISO timestamp of the change. */
  occurredAt: string;
}

type EventStrings = SecurityNoticeStrings & { subject: string };

const EVENTS: Record<SecurityEvent, Record<Language, EventStrings>> = {
  sessions_ended: {
    hu: {
      subject: 'Kijelentkeztettük a többi eszközéről',
      preview: 'Ügyfélportál-fiókjából {occurredAt}-kor kijelentkeztettük az összes többi munkamenetét.',
      heading: 'Kijelentkeztettük a többi eszközéről',
      intro:
        'Ügyfélportál-fiókjából {occurredAt}-kor kérésre kijelentkeztettük az összes többi munkamenetét: más böngészőkben, eszközökön és partnereink oldalain újra be kell jelentkeznie.',
      you: 'Ha Ön volt, nincs további teendője.',
      notYouTitle: 'Nem Ön kérte?',
      notYou:
        'Akkor valaki más is hozzáfér a fiókjához. Változtassa meg azonnal a jelszavát, és hívja ügyfélszolgálatunkat a {servicePhone} telefonszámon, vagy írjon nekünk: {serviceEmail}.',
    },
    en: {
      subject: 'You have been signed out on your other devices',
      preview: 'On {occurredAt} all other sessions of your Customer Portal account were ended.',
      heading: 'You have been signed out on your other devices',
      intro:
        'On {occurredAt}, as requested, all other sessions of your Customer Portal account were ended: in other browsers, on other devices and on our partners’ websites you will need to log in again.',
      you: 'If it was you, there is nothing more to do.',
      notYouTitle: 'Didn’t ask for it yourself?',
      notYou:
        'Then someone else can get into your account. Change your password at once, and call our customer service on {servicePhone} or write to us at {serviceEmail}.',
    },
  },
};

/** The compiled page holds placeholders only; `vars` fills them with the event's words. */
const SLOTS: SecurityNoticeStrings = {
  preview: '{preview}',
  heading: '{heading}',
  intro: '{intro}',
  you: '{you}',
  notYouTitle: '{notYouTitle}',
  notYou: '{notYou}',
};

type SecurityNoticeVars = {
  [K in keyof SecurityNoticeStrings | 'occurredAt' | 'servicePhone' | 'serviceEmail']: string;
};

function eventStrings(data: SecurityNoticeData, lang: Language): EventStrings {
  if (!Object.hasOwn(EVENTS, data.event)) throw new TemplateDataError(`security_notice: unknown event`, 'event');
  return EVENTS[data.event][lang];
}

export const securityNoticeEmail: TemplateDefinition<SecurityNoticeData, SecurityNoticeVars> = {
  name: 'security_notice',
  subject: (data, lang) => eventStrings(data, lang).subject,
  mjml: (lang) => securityNoticeMjml(lang, SLOTS),
  vars(data, lang) {
    const s = eventStrings(data, lang);
    const facts = { occurredAt: formatDateTime(data.occurredAt, lang, 'occurredAt'), ...serviceContact() };
    const fill = (text: string) => plain(text, facts);
    return {
      ...facts,
      preview: fill(s.preview),
      heading: fill(s.heading),
      intro: fill(s.intro),
      you: fill(s.you),
      notYouTitle: fill(s.notYouTitle),
      notYou: fill(s.notYou),
    };
  },
  // The values are already filled in: the text part shows them as they are.
  text: (v, lang) => securityNoticeText(lang, v, {}),
};
