import { PRODUCTS } from '../../../kernel/products.ts';
import { describeInsuredObject } from '../../../kernel/insured-object.ts';
import { formatDate, formatHuf, formatPeriod } from '../../format.ts';
import type { InputOf } from '../input.ts';
import { closing, openDocument, partyFields } from './common.ts';

/** Díjigazolás: certifies the premium paid on a contract over a period. */
export async function renderDijigazolas(input: InputOf<'dijigazolas'>): Promise<Uint8Array> {
  const { policy, payments } = input;
  const total = payments.reduce((sum, line) => sum + line.amountHuf, 0);
  const c = await openDocument(input, `${PRODUCTS[policy.product].name.hu}, ${formatPeriod(input.periodFrom, input.periodTo)}`);
  c.text(
    `Igazoljuk, hogy az alábbi szerződésre a ${formatPeriod(input.periodFrom, input.periodTo)} időszakban összesen ` +
      `${formatHuf(total)} biztosítási díjat fizettek be.`,
    { gapAfter: 6 },
  );
  c.section('Szerződő');
  c.fields(partyFields(input.customer));
  c.section('Szerződés');
  c.fields([
    ['Szerződésszám', policy.policyNumber],
    ['Termék', PRODUCTS[policy.product].name.hu],
    ['Biztosított', describeInsuredObject(policy.insuredObject)],
  ]);
  c.section('Befizetések');
  if (payments.length === 0) {
    c.text('A megjelölt időszakban a szerződésre befizetés nem érkezett.');
  } else {
    c.table(
      [
        { header: 'Számlaszám', width: 0.2 },
        { header: 'Díjidőszak', width: 0.36 },
        { header: 'Befizetés napja', width: 0.2 },
        { header: 'Összeg', width: 0.24, align: 'right' },
      ],
      payments.map((line) => [line.invoiceNumber, formatPeriod(line.periodStart, line.periodEnd), formatDate(line.paidAt), formatHuf(line.amountHuf)]),
      ['Összesen', '', '', formatHuf(total)],
    );
  }
  c.text('Az igazolást az ügyfél kérésére állítottuk ki, elszámolási és nyilvántartási célra.');
  closing(c, input.issuedAt);
  return c.save();
}
