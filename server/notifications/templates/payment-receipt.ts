import { DOCUMENT_TYPES } from '../../kernel/document-types.ts';
import type { TemplateDefinition } from './engine.ts';
import { TemplateDataError, formatDateTime, formatHuf, httpUrl, requireText, type Language } from './format.ts';
import { box, button, content, facts, heading, itemTable, keyLine, page, paragraph, plain, rich, subheading, textFacts, textLink, textPage } from './layout.ts';

/**
 * "We received your payment." The receipt itself (Befizetés igazolása) is a document in the
 * portal's mailbox; the subject is that document type's name, like every document notification.
 */
export interface PaymentReceiptData {
  customerNumber: string;
  /** Amount paid, in forints. */
  amount: number;
  /** ISO timestamp of the payment. */
  paidAt: string;
  /** The payment's reference (transaction id / közlemény). */
  paymentReference: string;
  /** The invoices the payment settled (at least one). */
  invoices: readonly { number: string; amount: number }[];
  /** Deep link to the receipt in the portal's mailbox. */
  documentUrl: string;
}

const hu = {
  preview: 'Köszönjük befizetését ({amount}). Az igazolást az Ügyfélportál Levelezés menüjébe küldtük.',
  heading: 'Köszönjük befizetését',
  intro: 'Befizetését megkaptuk, és jóváírtuk az alábbi számlákon.',
  customerNumber: 'Ügyfélszám',
  amount: 'Befizetett összeg',
  paidAt: 'Befizetés időpontja',
  paymentReference: 'Fizetési azonosító',
  invoicesTitle: 'Kiegyenlített számlák',
  invoiceNumber: 'Számlaszám',
  invoiceAmount: 'Összeg',
  document: 'Az igazolást (**{documentType}**) az Ügyfélportál **Levelezés** menüjébe küldtük; adatvédelmi okokból e-mailben nem csatoljuk.',
  action: 'Igazolás megtekintése',
};

const en: typeof hu = {
  preview: 'Thank you for your payment ({amount}). The receipt is in the Levelezés (Correspondence) menu of the Customer Portal.',
  heading: 'Thank you for your payment',
  intro: 'We have received your payment and credited it to your invoices.',
  customerNumber: 'Customer number',
  amount: 'Amount paid',
  paidAt: 'Paid on',
  paymentReference: 'Payment reference',
  invoicesTitle: 'Invoices settled',
  invoiceNumber: 'Invoice number',
  invoiceAmount: 'Amount',
  document:
    'The receipt for this payment (**{documentType}**) is in the **Levelezés** (Correspondence) menu of the Customer Portal; for data-protection reasons we do not attach it to e-mails.',
  action: 'View the receipt',
};

const STRINGS = { hu, en } satisfies Record<Language, typeof hu>;

type PaymentReceiptVars = {
  customerNumber: string;
  amount: string;
  paidAt: string;
  paymentReference: string;
  invoices: { number: string; amount: string }[];
  documentType: string;
  documentUrl: string;
};

export const paymentReceipt: TemplateDefinition<PaymentReceiptData, PaymentReceiptVars> = {
  name: 'payment_receipt',
  subject: (_data, lang) => DOCUMENT_TYPES.befizetes_igazolas.name[lang],
  mjml(lang) {
    const s = STRINGS[lang];
    return page({
      lang,
      preview: rich(s.preview),
      sections: [
        content(heading(rich(s.heading)), paragraph(rich(s.intro))),
        box(keyLine(rich(s.customerNumber), 'customerNumber')),
        content(
          facts([
            { label: rich(s.amount), value: 'amount' },
            { label: rich(s.paidAt), value: 'paidAt' },
            { label: rich(s.paymentReference), value: 'paymentReference' },
          ]),
          subheading(rich(s.invoicesTitle)),
          itemTable('invoices', [rich(s.invoiceNumber), rich(s.invoiceAmount)], ['number', 'amount']),
          paragraph(rich(s.document)),
          button('documentUrl', rich(s.action)),
        ),
      ],
    });
  },
  vars(data, lang) {
    if (!Array.isArray(data.invoices) || data.invoices.length === 0) throw new TemplateDataError('invoices must list at least one invoice', 'invoices');
    return {
      customerNumber: requireText(data.customerNumber, 'customerNumber'),
      amount: formatHuf(data.amount, 'amount'),
      paidAt: formatDateTime(data.paidAt, lang, 'paidAt'),
      paymentReference: requireText(data.paymentReference, 'paymentReference'),
      invoices: data.invoices.map((invoice, i) => ({
        number: requireText(invoice?.number, `invoices[${i}].number`),
        amount: formatHuf(invoice?.amount, `invoices[${i}].amount`),
      })),
      documentType: DOCUMENT_TYPES.befizetes_igazolas.name[lang],
      documentUrl: httpUrl(data.documentUrl, 'documentUrl'),
    };
  },
  text(v, lang) {
    const s = STRINGS[lang];
    return textPage(lang, [
      `${s.heading}\n\n${s.intro}`,
      `${s.customerNumber}: ${v.customerNumber}`,
      textFacts([
        [s.amount, v.amount],
        [s.paidAt, v.paidAt],
        [s.paymentReference, v.paymentReference],
      ]),
      `${s.invoicesTitle}:\n${v.invoices.map((i) => `- ${i.number}: ${i.amount}`).join('\n')}`,
      plain(s.document, v),
      textLink(s.action, v.documentUrl),
    ]);
  },
};
