import { PAYMENT_METHODS } from '../../../kernel/products.ts';
import { formatDateTime, formatHuf } from '../../format.ts';
import type { InputOf } from '../input.ts';
import { closing, openDocument } from './common.ts';

/** Befizetés igazolása: a receipt for one payment, which may settle invoices of several contracts. */
export async function renderBefizetesIgazolas(input: InputOf<'befizetes_igazolas'>): Promise<Uint8Array> {
  const { payment, items } = input;
  const c = await openDocument(input, `Igazolás száma: ${payment.receiptNumber}`);
  c.text('Köszönjük befizetését! Igazoljuk, hogy az alábbi összeget jóváírtuk, és a felsorolt díjbekérőkre elszámoltuk.', {
    gapAfter: 6,
  });
  c.fields([
    ['Igazolás száma', payment.receiptNumber],
    ['Tranzakció azonosítója', payment.reference],
    ['Befizetés időpontja', formatDateTime(payment.paidAt)],
    ['Fizetési mód', PAYMENT_METHODS[payment.method].name.hu],
    ['Befizetett összeg', formatHuf(payment.amountHuf)],
  ]);
  c.section('Elszámolás');
  c.table(
    [
      { header: 'Számlaszám', width: 0.3 },
      { header: 'Szerződésszám', width: 0.4 },
      { header: 'Elszámolt összeg', width: 0.3, align: 'right' },
    ],
    items.map((item) => [item.invoiceNumber, item.policyNumber, formatHuf(item.amountHuf)]),
    ['Összesen', '', formatHuf(items.reduce((sum, item) => sum + item.amountHuf, 0))],
  );
  c.text('Ez az igazolás nem minősül számlának. A biztosítási díj az általános forgalmi adó alól mentes.');
  closing(c, input.issuedAt);
  return c.save();
}
