import { PRODUCTS } from '../../../kernel/products.ts';
import { formatDate } from '../../format.ts';
import type { InputOf } from '../input.ts';
import { closing, insuredObjectFields, insuredObjectHeading, openDocument, partyFields } from './common.ts';
import { withArticle } from '../../../../widgets/i18n/hu-grammar.ts';

/** Biztosítási igazolás: confirms that cover is in force on a given day (for a bank, a lessor, a border). */
export async function renderBiztositasiIgazolas(input: InputOf<'biztositasi_igazolas'>): Promise<Uint8Array> {
  const { policy } = input;
  const product = PRODUCTS[policy.product];
  const c = await openDocument(input, product.name.hu);
  const inForce = policy.status === 'active' || (policy.cancelledAt != null && input.validOn < policy.cancelledAt);
  c.text(
    inForce
      ? `Igazoljuk, hogy ${input.customer.name} (ügyfélszám: ${input.customer.customerNumber}) ${withArticle(policy.policyNumber)} számú ` +
          `${product.name.hu.toLowerCase()} alapján ${formatDate(input.validOn)} napján érvényes biztosítási fedezettel rendelkezik.`
      : `Igazoljuk, hogy ${withArticle(policy.policyNumber)} számú szerződés ${formatDate(input.validOn)} napján nem volt hatályban.`,
    { bold: true, gapAfter: 6 },
  );
  c.section('Szerződő');
  c.fields(partyFields(input.customer));
  c.section('Szerződés');
  c.fields([
    ['Szerződésszám', policy.policyNumber],
    ['Termék', product.name.hu],
    ['Kockázatviselés kezdete', formatDate(policy.startDate)],
  ]);
  c.section(insuredObjectHeading(policy.insuredObject));
  c.fields(insuredObjectFields(policy.insuredObject));
  c.text('Az igazolás harmadik személynek való bemutatásra szolgál; a szerződés feltételeit nem módosítja.');
  closing(c, input.issuedAt);
  return c.save();
}
