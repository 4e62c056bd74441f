import { article } from '../../../widgets/i18n/hu-grammar.ts';
import type { TemplateDefinition } from './engine.ts';
import { formatDateTime, maskEmail, requireText, type Language } from './format.ts';
import { securityNoticeMjml, securityNoticeText, serviceContact } from './security-notice.ts';

/**
 * Sent to the contact address the insurer holds for a customer when a portal account of that
 * customer is opened with ANOTHER address (registration needs only the customer number, a birth
 * date or tax number, and a postcode: someone who knows them could register). The owner of
 * the address on file hears of it and can call.
 */
export interface AccountOpenedNoticeData {
  customerNumber: string;
  /** The new account's login: shown masked ("k•••••@example.com"). */
  loginEmail: string;
  /** ISO timestamp of the confirmation (when the account became usable). */
  openedAt: string;
}

const hu = {
  subject: 'Ügyfélportál-fiókot nyitottak ügyfélszámára',
  preview: 'Ügyfélportál-fiók nyílt ügyfélszámához egy másik e-mail-címmel. Ha nem Ön volt, jelezze nekünk.',
  heading: 'Ügyfélportál-fiókot nyitottak ügyfélszámára',
  intro:
    '{openedAt}-kor Ügyfélportál-fiók nyílt {customerNumberArticle} **{customerNumber}** ügyfélszámhoz ezzel a bejelentkezési címmel: **{loginEmailMasked}**. A fiókban megtekinthetők a szerződései, a számlái és a kiküldött dokumentumai.',
  you: 'Ha Ön (vagy az Ön megbízásából valaki) regisztrált, nincs további teendője.',
  notYouTitle: 'Nem Ön volt?',
  notYou:
    'Kérjük, azonnal hívja ügyfélszolgálatunkat a **{servicePhone}** telefonszámon, vagy írjon nekünk: {serviceEmail}. A fiókot letiltjuk, és segítünk újat nyitni.',
};

const en: typeof hu = {
  subject: 'A Customer Portal account was opened for your customer number',
  preview: 'A Customer Portal account was opened for your customer number with another e-mail address. If it wasn’t you, let us know.',
  heading: 'A Customer Portal account was opened for your customer number',
  intro:
    'On {openedAt} a Customer Portal account was opened for customer number **{customerNumber}** with this login address: **{loginEmailMasked}**. The account shows your contracts, invoices and the documents we sent you.',
  you: 'If you (or someone on your behalf) registered, there is nothing more to do.',
  notYouTitle: 'Wasn’t it you?',
  notYou:
    'Please call our customer service at once on **{servicePhone}**, or write to us at {serviceEmail}. We will block the account and help you open your own.',
};

const STRINGS = { hu, en } satisfies Record<Language, typeof hu>;

type AccountOpenedNoticeVars = {
  customerNumber: string;
  /** „a” or „az”, as the customer number is read aloud (the Hungarian text only). */
  customerNumberArticle: string;
  loginEmailMasked: string;
  openedAt: string;
  servicePhone: string;
  serviceEmail: string;
};

export const accountOpenedNotice: TemplateDefinition<AccountOpenedNoticeData, AccountOpenedNoticeVars> = {
  name: 'account_opened_notice',
  subject: (_data, lang) => STRINGS[lang].subject,
  mjml: (lang) => securityNoticeMjml(lang, STRINGS[lang]),
  vars(data, lang) {
    const customerNumber = requireText(data.customerNumber, 'customerNumber');
    return {
      customerNumber,
      customerNumberArticle: article(customerNumber),
      loginEmailMasked: maskEmail(data.loginEmail, 'loginEmail'),
      openedAt: formatDateTime(data.openedAt, lang, 'openedAt'),
      ...serviceContact(),
    };
  },
  text: (v, lang) => securityNoticeText(lang, STRINGS[lang], v),
};
