import { CLAIM_TYPES, PRODUCTS } from '../../../kernel/products.ts';
import { formatDate, formatHuf, formatPeriod } from '../../format.ts';
import type { ClaimLine, InputOf } from '../input.ts';
import { closing, insuredObjectFields, openDocument, partyFields } from './common.ts';

const CLAIM_STATUS: Record<ClaimLine['status'], string> = {
  received: 'bejelentve',
  in_review: 'elbírálás alatt',
  approved: 'elfogadva',
  rejected: 'elutasítva',
  paid: 'kifizetve',
  closed: 'lezárva',
};

/** Kártörténeti igazolás: the motor claims history a new insurer needs for the bonus-malus class. */
export async function renderKartortenetiIgazolas(input: InputOf<'kartorteneti_igazolas'>): Promise<Uint8Array> {
  const { policy, claims } = input;
  const product = PRODUCTS[policy.product];
  const c = await openDocument(input, product.name.hu);
  const legal =
    policy.product === 'kgfb' ? 'A kötelező gépjármű-felelősségbiztosításról szóló 2009. évi LXII. törvény alapján igazoljuk' : 'Az ügyfél kérésére igazoljuk';
  c.text(`${legal} az alábbi szerződés kártörténetét a ${formatPeriod(input.periodFrom, input.periodTo)} időszakra.`, { gapAfter: 6 });
  c.section('Üzembentartó / szerződő');
  c.fields(partyFields(input.customer));
  c.section('Szerződés és gépjármű');
  c.fields([
    ['Szerződésszám', policy.policyNumber],
    ['Kockázatviselés', formatPeriod(policy.startDate, policy.cancelledAt ?? policy.endDate)],
    ...insuredObjectFields(policy.insuredObject),
  ]);
  c.section('Bejelentett károk');
  if (claims.length === 0) {
    c.text('A vizsgált időszakban a szerződésre nem jelentettek kárt (kármentes időszak).', { bold: true });
  } else {
    c.table(
      [
        { header: 'Kárszám', width: 0.2 },
        { header: 'Kár napja', width: 0.16 },
        { header: 'Kártípus', width: 0.26 },
        { header: 'Állapot', width: 0.16 },
        { header: 'Kifizetés', width: 0.22, align: 'right' },
      ],
      claims.map((claim) => [
        claim.claimNumber,
        formatDate(claim.occurredAt),
        CLAIM_TYPES[claim.claimType].hu,
        CLAIM_STATUS[claim.status],
        claim.paidHuf ? formatHuf(claim.paidHuf) : '–',
      ]),
    );
  }
  c.text('Az igazolás a kiállítás napján a biztosító nyilvántartásában szereplő adatokat tartalmazza.');
  closing(c, input.issuedAt);
  return c.save();
}
