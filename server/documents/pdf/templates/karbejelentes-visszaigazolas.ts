import type { ProductCode } from '../../../kernel/products.ts';
import { CLAIM_TYPES, PRODUCTS } from '../../../kernel/products.ts';
import { DETAILS_AS_GIVEN, reportedSituation, type ReportedOtherParty } from '../../../kernel/other-party.ts';
import type { PdfComposer } from '../composer.ts';
import { formatDate, formatDateTime, formatHuf } from '../../format.ts';
import type { InputOf } from '../input.ts';
import { closing, openDocument } from './common.ts';
import { withArticle } from '../../../../widgets/i18n/hu-grammar.ts';

/** Kárbejelentés visszaigazolása: the claim is registered under a claim number; what happens next. */
export async function renderKarbejelentesVisszaigazolas(input: InputOf<'karbejelentes_visszaigazolas'>): Promise<Uint8Array> {
  const { policy, claim } = input;
  const c = await openDocument(input, `Kárszám: ${claim.claimNumber}`);
  c.text(
    `Tisztelt Ügyfelünk! Kárbejelentését ${formatDateTime(claim.reportedAt)} időponttal rögzítettük ${withArticle(claim.claimNumber)} ` +
      'kárszámon. Kérjük, a további ügyintézés során erre a számra hivatkozzon.',
    { gapAfter: 6 },
  );
  c.fields([
    ['Kárszám', claim.claimNumber],
    ['Szerződésszám', `${policy.policyNumber} (${PRODUCTS[policy.product].name.hu})`],
    ['Kár típusa', CLAIM_TYPES[claim.claimType].hu],
    ['Káresemény időpontja', formatDate(claim.occurredAt)],
    ['Helyszín', claim.place],
    ['Becsült kárösszeg', claim.estimatedDamageHuf ? formatHuf(claim.estimatedDamageHuf) : 'nem adta meg'],
  ]);
  c.section('A kár leírása (a bejelentő szavaival)');
  c.text(claim.description);
  otherParty(c, policy.product, claim.otherParty);
  c.section('A következő lépések');
  c.text(nextSteps(policy.product));
  c.text('A kárügy állapotát az Ügyfélportálon követheti; minden változásról értesítjük.');
  closing(c, input.issuedAt);
  return c.save();
}

/** The other party, as the customer reported it (their own report: nothing added): only when the report asked about one. */
function otherParty(c: PdfComposer, product: ProductCode, party: ReportedOtherParty | null | undefined): void {
  const said = party && reportedSituation(product, party.situation);
  if (!said) return;
  c.section('A másik fél');
  c.text(said.hu);
  if (party.situation === 'known') {
    c.text(DETAILS_AS_GIVEN.hu);
    c.fields([
      ['Név', party.name],
      ['Rendszám', party.plate],
      ['Biztosító', party.insurer ?? 'nem adta meg'],
    ]);
  }
}

function nextSteps(product: ProductCode): string {
  switch (product) {
    case 'kgfb':
    case 'casco':
      return 'Kárszakértőnk két munkanapon belül felveszi Önnel a kapcsolatot a szemle időpontjának egyeztetésére. Kérjük, a sérült gépjárművet a szemléig ne javíttassa meg.';
    case 'home':
      return 'Kárszakértőnk két munkanapon belül egyezteti Önnel a helyszíni szemle időpontját. A további károk megelőzése érdekében tegye meg a szükséges intézkedéseket, és őrizze meg a sérült tárgyakat.';
    case 'travel':
      return 'Kérjük, töltse fel az Ügyfélportálon az orvosi dokumentációt, a számlákat és az utazást igazoló iratokat; ezek beérkezése után 15 napon belül döntünk.';
  }
}
