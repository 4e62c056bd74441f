import { DOCUMENT_TYPES, isDocumentTypeCode, type DocumentTypeCode } from '../../kernel/document-types.ts';
import type { TemplateDefinition } from './engine.ts';
import { TemplateDataError, formatDate, httpUrl, optionalText, requireText, withQuery, type Language } from './format.ts';
import {
  box,
  button,
  content,
  divider,
  facts,
  heading,
  keyLine,
  page,
  paragraph,
  plain,
  rich,
  subheading,
  textFacts,
  textLink,
  textPage,
  token,
  when,
} from './layout.ts';

/**
 * "A document has arrived in your mailbox." Sent whenever a document is issued into the
 * portal's Levelezés menu. The subject is the document type's name and nothing else; the body
 * shows the customer number (so the recipient can tell which account it is about) and no other
 * personal data, and carries no attachment: the document is only in the portal (GDPR, IDD).
 */
export interface DocumentNotificationData {
  customerNumber: string;
  documentType: DocumentTypeCode;
  /** Customer-scope documents (e.g. a payment receipt spanning contracts) have none. */
  policyNumber?: string | null;
  /** ISO date or timestamp. */
  issuedAt: string;
  /**
   * Whether the customer has a portal account when the e-mail is queued: then it leads to the
   * log-in only; without one (or in a message queued before this was recorded) it leads to the
   * registration first, since the log-in alone would be a dead end.
   */
  hasAccount?: boolean;
  /** Deep link to the document in the portal (login first if needed). */
  loginUrl: string;
  /** The registration page; `customer=<customerNumber>` is set on it here. */
  registerUrl: string;
}

const hu = {
  preview: 'Új dokumentum érkezett az Ügyfélportál Levelezés menüjébe. Ügyfélszám: {customerNumber}',
  heading: 'Új dokumentuma érkezett az Ügyfélportálra',
  greeting: 'Tisztelt Ügyfelünk!',
  intro: 'Új dokumentumot küldtünk Önnek az Ügyfélportál Levelezés menüjébe: **{documentType}**.',
  customerNumber: 'Ügyfélszám',
  documentType: 'Dokumentum típusa',
  policyNumber: 'Szerződésszám',
  issuedAt: 'Kiállítás dátuma',
  login: 'Bejelentkezés és a dokumentum megtekintése',
  loginHelp: 'Jelentkezzen be az Ügyfélportálra a fiókja e-mail-címével és jelszavával. Ha elfelejtette a jelszavát, a bejelentkezési oldalon újat kérhet.',
  registerTitle: 'A dokumentumot regisztráció után nyithatja meg',
  registerHelp:
    'Ügyfélszámához még nem tartozik Ügyfélportál-fiók. A regisztrációhoz szüksége lesz az ügyfélszámára (ebben az e-mailben megtalálja), magánszemélyként a születési dátumára és az irányítószámára, cégként az adószámára és az irányítószámára.',
  register: 'Regisztráció',
  alreadyRegistered: 'Ha azóta már regisztrált, jelentkezzen be:',
  loginShort: 'Bejelentkezés',
  whyTitle: 'Miért nem csatoltuk a dokumentumot?',
  why: 'Dokumentumaink személyes adatokat és biztosítási titkot tartalmaznak, ezért az általános adatvédelmi rendelet (GDPR) és a biztosítási értékesítésről szóló irányelv (IDD) szerint csak azonosítás után, az Ügyfélportál **Levelezés** menüjében érhetők el.',
};

const en: typeof hu = {
  preview: 'A new document is waiting in the Levelezés (Correspondence) menu of the Customer Portal. Customer number: {customerNumber}',
  heading: 'A new document is waiting in your Customer Portal',
  greeting: 'Dear Customer,',
  intro: 'We have sent a new document to the Levelezés (Correspondence) menu of your Customer Portal: **{documentType}**.',
  customerNumber: 'Customer number',
  documentType: 'Document type',
  policyNumber: 'Policy number',
  issuedAt: 'Date of issue',
  login: 'Log in and view the document',
  loginHelp:
    'Log in to the Customer Portal with your account’s e-mail address and password. If you have forgotten your password, you can request a new one on the login page.',
  registerTitle: 'Register to open the document',
  registerHelp:
    'There is no Customer Portal account for your customer number yet. To register you need your customer number (shown in this e-mail) and, for a private person, your date of birth and postcode; for a company, its tax number and postcode.',
  register: 'Register',
  alreadyRegistered: 'If you have registered since, log in:',
  loginShort: 'Log in',
  whyTitle: 'Why is the document not attached?',
  why: 'Our documents contain personal data and insurance secrets. Under the General Data Protection Regulation (GDPR) and the Insurance Distribution Directive (IDD) they are therefore available only after we have verified your identity, in the **Levelezés** (Correspondence) menu of the Customer Portal.',
};

const STRINGS = { hu, en } satisfies Record<Language, typeof hu>;

type DocumentNotificationVars = {
  customerNumber: string;
  documentType: string;
  policyNumber: string | null;
  issuedAt: string;
  hasAccount: boolean;
  noAccount: boolean;
  loginUrl: string;
  registerUrl: string;
};

export const documentNotification: TemplateDefinition<DocumentNotificationData, DocumentNotificationVars> = {
  name: 'document_notification',

  subject(data, lang) {
    return documentTypeOf(data).name[lang];
  },

  mjml(lang) {
    const s = STRINGS[lang];
    return page({
      lang,
      preview: rich(s.preview),
      sections: [
        content(heading(rich(s.heading)), paragraph(rich(s.greeting), { last: true }), paragraph(rich(s.intro))),
        box(keyLine(rich(s.customerNumber), 'customerNumber')),
        content(
          facts([
            { label: rich(s.documentType), value: 'documentType' },
            { label: rich(s.policyNumber), value: 'policyNumber', when: 'policyNumber' },
            { label: rich(s.issuedAt), value: 'issuedAt' },
          ]),
          ...when('hasAccount', button('loginUrl', rich(s.login)), paragraph(rich(s.loginHelp), { small: true })),
          ...when(
            'noAccount',
            subheading(rich(s.registerTitle)),
            paragraph(rich(s.registerHelp), { small: true }),
            button('registerUrl', rich(s.register)),
            paragraph(`${rich(s.alreadyRegistered)} <a href="${token('loginUrl')}">${rich(s.loginShort)}</a>`, { small: true }),
          ),
          divider(),
          subheading(rich(s.whyTitle)),
          paragraph(rich(s.why), { small: true }),
        ),
      ],
    });
  },

  vars(data, lang) {
    const customerNumber = requireText(data.customerNumber, 'customerNumber');
    const hasAccount = data.hasAccount === true;
    return {
      customerNumber,
      documentType: documentTypeOf(data).name[lang],
      policyNumber: optionalText(data.policyNumber, 'policyNumber'),
      issuedAt: formatDate(data.issuedAt, lang, 'issuedAt'),
      hasAccount,
      noAccount: !hasAccount,
      loginUrl: httpUrl(data.loginUrl, 'loginUrl'),
      registerUrl: withQuery(httpUrl(data.registerUrl, 'registerUrl'), 'customer', customerNumber),
    };
  },

  text(v, lang) {
    const s = STRINGS[lang];
    const next = v.hasAccount
      ? [textLink(s.login, v.loginUrl), s.loginHelp]
      : [`${s.registerTitle}\n${s.registerHelp}`, textLink(s.register, v.registerUrl), textLink(s.alreadyRegistered.replace(/:$/, ''), v.loginUrl)];
    return textPage(lang, [
      `${s.heading}\n\n${s.greeting}\n${plain(s.intro, v)}`,
      `${s.customerNumber}: ${v.customerNumber}`,
      textFacts([
        [s.documentType, v.documentType],
        [s.policyNumber, v.policyNumber],
        [s.issuedAt, v.issuedAt],
      ]),
      ...next,
      `${s.whyTitle}\n${plain(s.why, v)}`,
    ]);
  },
};

function documentTypeOf(data: DocumentNotificationData) {
  if (!isDocumentTypeCode(data.documentType)) throw new TemplateDataError('documentType is not a known document type', 'documentType');
  return DOCUMENT_TYPES[data.documentType];
}
