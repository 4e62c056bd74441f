import { DOCUMENT_TYPES } from '../../kernel/document-types.ts';
import type { TemplateDefinition } from './engine.ts';
import { formatDate, httpUrl, requireText, type Language } from './format.ts';
import { box, button, content, facts, heading, keyLine, page, paragraph, plain, rich, textFacts, textLink, textPage } from './layout.ts';

/**
 * "We have received your claim." The acknowledgement document (Kárbejelentés visszaigazolása)
 * is in the portal's mailbox; the subject is that document type's name.
 */
export interface ClaimAcknowledgementData {
  customerNumber: string;
  claimNumber: string;
  policyNumber: string;
  /** ISO date or timestamp of the report. */
  reportedAt: string;
  /** Deep link to the acknowledgement in the portal's mailbox. */
  documentUrl: string;
}

const hu = {
  preview: 'Kárbejelentését megkaptuk. Kárszám: {claimNumber}',
  heading: 'Kárbejelentését megkaptuk',
  intro:
    'Köszönjük, hogy bejelentette kárát. Kárügyintézőnk hamarosan megkezdi az ügyintézést, és ha további adatra vagy dokumentumra lesz szükség, megkeresi Önt.',
  customerNumber: 'Ügyfélszám',
  claimNumber: 'Kárszám',
  policyNumber: 'Szerződésszám',
  reportedAt: 'Bejelentés dátuma',
  document:
    'A kárbejelentés visszaigazolását (**{documentType}**) az Ügyfélportál **Levelezés** menüjébe küldtük. Kérjük, a további levelezésben mindig hivatkozzon a kárszámra.',
  action: 'Visszaigazolás megtekintése',
};

const en: typeof hu = {
  preview: 'We have received your claim. Claim number: {claimNumber}',
  heading: 'We have received your claim',
  intro:
    'Thank you for reporting your claim. Our claims handler will start working on it shortly and will contact you if further details or documents are needed.',
  customerNumber: 'Customer number',
  claimNumber: 'Claim number',
  policyNumber: 'Policy number',
  reportedAt: 'Date reported',
  document:
    'The acknowledgement of your claim (**{documentType}**) is in the **Levelezés** (Correspondence) menu of the Customer Portal. Please quote the claim number in all further correspondence.',
  action: 'View the acknowledgement',
};

const STRINGS = { hu, en } satisfies Record<Language, typeof hu>;

type ClaimAcknowledgementVars = {
  customerNumber: string;
  claimNumber: string;
  policyNumber: string;
  reportedAt: string;
  documentType: string;
  documentUrl: string;
};

export const claimAcknowledgement: TemplateDefinition<ClaimAcknowledgementData, ClaimAcknowledgementVars> = {
  name: 'claim_acknowledgement',
  subject: (_data, lang) => DOCUMENT_TYPES.karbejelentes_visszaigazolas.name[lang],
  mjml(lang) {
    const s = STRINGS[lang];
    return page({
      lang,
      preview: rich(s.preview),
      sections: [
        content(heading(rich(s.heading)), paragraph(rich(s.intro))),
        box(keyLine(rich(s.claimNumber), 'claimNumber')),
        content(
          facts([
            { label: rich(s.customerNumber), value: 'customerNumber' },
            { label: rich(s.policyNumber), value: 'policyNumber' },
            { label: rich(s.reportedAt), value: 'reportedAt' },
          ]),
          paragraph(rich(s.document)),
          button('documentUrl', rich(s.action)),
        ),
      ],
    });
  },
  vars: (data, lang) => ({
    customerNumber: requireText(data.customerNumber, 'customerNumber'),
    claimNumber: requireText(data.claimNumber, 'claimNumber'),
    policyNumber: requireText(data.policyNumber, 'policyNumber'),
    reportedAt: formatDate(data.reportedAt, lang, 'reportedAt'),
    documentType: DOCUMENT_TYPES.karbejelentes_visszaigazolas.name[lang],
    documentUrl: httpUrl(data.documentUrl, 'documentUrl'),
  }),
  text(v, lang) {
    const s = STRINGS[lang];
    return textPage(lang, [
      `${s.heading}\n\n${s.intro}`,
      textFacts([
        [s.claimNumber, v.claimNumber],
        [s.customerNumber, v.customerNumber],
        [s.policyNumber, v.policyNumber],
        [s.reportedAt, v.reportedAt],
      ]),
      plain(s.document, v),
      textLink(s.action, v.documentUrl),
    ]);
  },
};
