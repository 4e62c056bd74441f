import { PRODUCTS } from '../../../kernel/products.ts';
import { formatDate } from '../../format.ts';
import type { InputOf } from '../input.ts';
import { COLORS } from '../layout.ts';
import { closing, openDocument } from './common.ts';
import { withArticle } from '../../../../widgets/i18n/hu-grammar.ts';

/** Szerződésmódosítás visszaigazolása: what changed on a contract, and from when. */
export async function renderModositasVisszaigazolas(input: InputOf<'modositas_visszaigazolas'>): Promise<Uint8Array> {
  const { policy } = input;
  const c = await openDocument(input, PRODUCTS[policy.product].name.hu);
  c.text(
    `Tisztelt Ügyfelünk! Visszaigazoljuk, hogy ${withArticle(policy.policyNumber)} számú szerződésének alábbi adatai ` +
      `${formatDate(input.effectiveDate)} hatállyal módosultak.`,
    { gapAfter: 6 },
  );
  c.table(
    [
      { header: 'Módosított adat', width: 0.3 },
      { header: 'Korábbi érték', width: 0.35 },
      { header: 'Új érték', width: 0.35 },
    ],
    input.changes.map((change) => [change.label, change.oldValue, change.newValue]),
  );
  c.fields([
    ['Szerződésszám', policy.policyNumber],
    ['Hatálybalépés', formatDate(input.effectiveDate)],
  ]);
  c.text('A szerződés egyéb feltételei változatlanok. A módosított adatokat az Ügyfélportál Szerződések menüjében is megtekintheti.');
  c.text('Ha a módosítást nem Ön kezdeményezte, kérjük, haladéktalanul jelezze ügyfélszolgálatunknak.', { color: COLORS.warning });
  closing(c, input.issuedAt);
  return c.save();
}
