import { DOCUMENT_TYPES } from '../../kernel/document-types.ts';
import { DETAILS_IN_MAILBOX, isOtherPartySituation, reportedSituation, type OtherPartySituation } from '../../kernel/other-party.ts';
import type { ProductCode } from '../../kernel/products.ts';
import type { TemplateDefinition } from './engine.ts';
import { TemplateDataError, formatDate, httpUrl, requireText, type Language } from './format.ts';
import {
  box,
  button,
  content,
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
 * "We have received your claim." The acknowledgement document (Kárbejelentés visszaigazolása)
 * is in the portal's mailbox; the subject is that document type's name. A motor loss's other
 * party is told back as the customer reported it: the situation only. A known party's name and
 * plate are a third person's data: they stay in the acknowledgement PDF, in the portal.
 */
export interface ClaimAcknowledgementData {
  customerNumber: string;
  claimNumber: string;
  policyNumber: string;
  /** The contract's product: it decides how the other party's situation reads (KGFB: caused, CASCO: suffered). */
  product?: ProductCode;
  /** ISO date or timestamp of the report. */
  reportedAt: string;
  /** What the customer said of a motor loss's other party; absent or null when the report asked nothing (and in e-mails queued before). */
  otherPartySituation?: OtherPartySituation | null;
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
  otherParty: 'A másik fél',
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
  otherParty: 'The other party',
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
  /** The customer's answer told back; null (no section) when there is none. */
  otherPartySaid: string | null;
  /** For a known party: where its details are (null otherwise). */
  otherPartyDetails: string | null;
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
          ...when(
            'otherPartySaid',
            subheading(rich(s.otherParty)),
            paragraph(token('otherPartySaid')),
            ...when('otherPartyDetails', paragraph(token('otherPartyDetails'))),
          ),
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
    ...otherPartyVars(data, lang),
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
      v.otherPartySaid && [s.otherParty, v.otherPartySaid, v.otherPartyDetails].filter(Boolean).join('\n'),
      plain(s.document, v),
      textLink(s.action, v.documentUrl),
    ]);
  },
};

type OtherPartyVars = Pick<ClaimAcknowledgementVars, 'otherPartySaid' | 'otherPartyDetails'>;

/** The other party's section: the customer's answer in `lang` (and, for a known party, where its details are); null when the report asked nothing. */
function otherPartyVars(data: ClaimAcknowledgementData, lang: Language): OtherPartyVars {
  const none = { otherPartySaid: null, otherPartyDetails: null };
  const situation = data.otherPartySituation;
  if (situation === undefined || situation === null) return none;
  if (!isOtherPartySituation(situation)) throw new TemplateDataError('otherPartySituation is not a known situation', 'otherPartySituation');
  const said = data.product ? reportedSituation(data.product, situation) : null;
  if (!said) return none;
  return { otherPartySaid: said[lang], otherPartyDetails: situation === 'known' ? DETAILS_IN_MAILBOX[lang] : null };
}
