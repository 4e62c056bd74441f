import { PRODUCTS } from '../../../kernel/products.ts';
import { formatDate } from '../../format.ts';
import { INSURER } from '../../../../common/insurer.ts';
import type { InputOf } from '../input.ts';
import { closing, insuredObjectFields, insuredObjectHeading, openDocument, partyFields, policyFields } from './common.ts';
import { coverageRows } from './coverages.ts';
import { withArticle } from '../../../../widgets/i18n/hu-grammar.ts';

/** Kötvény: proves the contract exists and states its terms. */
export async function renderKotveny(input: InputOf<'kotveny'>): Promise<Uint8Array> {
  const { policy } = input;
  const product = PRODUCTS[policy.product];
  const c = await openDocument(input, product.name.hu);
  c.text(
    `Tisztelt Ügyfelünk! Köszönjük, hogy a ${INSURER.shortName}t választotta. Ezzel a kötvénnyel igazoljuk, hogy ` +
      `biztosítási szerződése ${formatDate(policy.startDate)} kockázatviselési kezdettel létrejött. A kötvény a szerződés része; ` +
      'kérjük, őrizze meg.',
    { gapAfter: 6 },
  );
  c.section('Szerződő');
  c.fields(partyFields(input.customer));
  c.section('Szerződés adatai');
  c.fields(policyFields(policy));
  c.section(insuredObjectHeading(policy.insuredObject));
  c.fields(insuredObjectFields(policy.insuredObject));
  c.section('Fedezetek');
  c.table(
    [
      { header: 'Fedezet', width: 0.4 },
      { header: 'Biztosítási összeg / limit', width: 0.34 },
      { header: 'Önrész', width: 0.26 },
    ],
    coverageRows(policy.product, policy.insuredObject),
  );
  c.section('Tudnivalók');
  c.text(
    `A szerződésre ${withArticle(product.name.hu)} Általános Szerződési Feltételei (ÁSZF) és az Ügyféltájékoztató vonatkoznak, ` +
      'amelyeket a szerződéskötéskor átadtunk. ' +
      (policy.endDate
        ? 'A határozott tartamú szerződés a tartam végén külön értesítés nélkül megszűnik.'
        : 'A határozatlan tartamú szerződést bármelyik fél a biztosítási évforduló előtt legalább 30 nappal írásban felmondhatja.'),
  );
  c.text(
    'Az esedékes díjakról díjbekérőt küldünk az Ügyfélportál Levelezés menüjébe; az erről szóló e-mail tárgyában a dokumentum ' +
      'típusát, a levélben az ügyfélszámát találja.',
  );
  closing(c, input.issuedAt);
  return c.save();
}
