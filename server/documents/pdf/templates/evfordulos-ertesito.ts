import { PAYMENT_FREQUENCIES, PRODUCTS } from '../../../kernel/products.ts';
import { formatDate, formatHuf } from '../../format.ts';
import type { InputOf } from '../input.ts';
import { closing, instalmentHuf, openDocument } from './common.ts';
import { withArticle } from '../../../../widgets/i18n/hu-grammar.ts';

/** Évfordulós értesítő: next insurance year's premium, sent before the anniversary so the customer can decide. */
export async function renderEvfordulosErtesito(input: InputOf<'evfordulos_ertesito'>): Promise<Uint8Array> {
  const { policy } = input;
  const c = await openDocument(input, `${PRODUCTS[policy.product].name.hu} – évforduló: ${formatDate(input.anniversaryDate)}`);
  const next = { ...policy, annualPremiumHuf: input.newAnnualPremiumHuf };
  const change = ((input.newAnnualPremiumHuf - policy.annualPremiumHuf) / policy.annualPremiumHuf) * 100;
  c.text(
    `Tisztelt Ügyfelünk! ${withArticle(policy.policyNumber, { capital: true })} számú szerződése ${formatDate(input.anniversaryDate)} napján ` +
      'évfordulóhoz ér. Tájékoztatjuk a következő biztosítási év díjáról.',
    { gapAfter: 6 },
  );
  const rows = [['Éves díj', formatHuf(policy.annualPremiumHuf), formatHuf(next.annualPremiumHuf)]];
  if (policy.paymentFrequency !== 'annual') {
    rows.push([`Részletdíj (${PAYMENT_FREQUENCIES[policy.paymentFrequency].name.hu})`, formatHuf(instalmentHuf(policy)), formatHuf(instalmentHuf(next))]);
  }
  c.table(
    [
      { header: 'Megnevezés', width: 0.4 },
      { header: 'Jelenlegi biztosítási év', width: 0.3, align: 'right' },
      { header: 'Következő biztosítási év', width: 0.3, align: 'right' },
    ],
    rows,
  );
  c.text(
    `A díj változása ${change >= 0 ? '+' : ''}${change.toFixed(1).replace('.', ',')}%, amely a díjszabás éves ` +
      'indexálásából és a kockázati besorolás változásából adódik.',
  );
  c.text(
    'Ha a szerződést a fenti díjjal nem kívánja fenntartani, az évforduló előtt legalább 30 nappal írásban felmondhatja. ' +
      'Ha nem mond fel, a szerződés változatlan feltételekkel, az új díjjal folytatódik; teendője nincs.',
  );
  closing(c, input.issuedAt);
  return c.save();
}
