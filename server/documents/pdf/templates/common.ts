import { CANCEL_REASONS } from '../../../kernel/cancel-reasons.ts';
import type { InsuredObject } from '../../../kernel/insured-object.ts';
import { PAYMENT_FREQUENCIES, PAYMENT_METHODS, PRODUCTS } from '../../../kernel/products.ts';
import { formatDate, formatHuf } from '../../format.ts';
import { INSURER } from '../../../../common/insurer.ts';
import { documentTitle } from '../../naming.ts';
import { DOCUMENT_TYPES } from '../../../kernel/document-types.ts';
import { PdfComposer } from '../composer.ts';
import type { DocumentInput, DocumentParty, DocumentPolicy } from '../input.ts';
import { COLORS } from '../layout.ts';
import { withArticle } from '../../../../widgets/i18n/hu-grammar.ts';

/** Blocks several templates share: the opening, the parties, the policy, the closing. */
export async function openDocument(input: DocumentInput, subtitle?: string): Promise<PdfComposer> {
  const type = DOCUMENT_TYPES[input.type];
  const c = await PdfComposer.create({
    title: documentTitle(input),
    subject: `${type.name.hu} (${type.name.en})`,
    documentId: input.documentId,
    issuedAt: input.issuedAt,
    keywords: [type.code, input.customer.customerNumber],
  });
  const references: [string, string][] = [['Ügyfélszám', input.customer.customerNumber]];
  if ('policy' in input) references.push(['Szerződésszám', input.policy.policyNumber]);
  references.push(['Kelt', `${INSURER.city}, ${formatDate(input.issuedAt)}`]);
  c.addressBlock(addressLines(input.customer), references);
  c.title(type.name.hu, subtitle);
  return c;
}

export function addressLines(party: DocumentParty): string[] {
  return [party.name, party.addressLine, `${party.postcode} ${party.city}`];
}

export function partyFields(party: DocumentParty): [string, string][] {
  const person = party.kind === 'person';
  const rows: [string, string][] = [
    [person ? 'Szerződő neve' : 'Szerződő cég neve', party.name],
    ['Ügyfélszám', party.customerNumber],
  ];
  if (person && party.birthDate) rows.push(['Születési dátum', formatDate(party.birthDate)]);
  if (!person && party.taxNumber) rows.push(['Adószám', party.taxNumber]);
  rows.push([person ? 'Lakcím' : 'Székhely', `${party.postcode} ${party.city}, ${party.addressLine}`]);
  return rows;
}

export function instalmentHuf(policy: DocumentPolicy): number {
  return Math.round(policy.annualPremiumHuf / (12 / PAYMENT_FREQUENCIES[policy.paymentFrequency].months));
}

export function policyFields(policy: DocumentPolicy): [string, string][] {
  const product = PRODUCTS[policy.product];
  const rows: [string, string][] = [
    ['Szerződésszám', policy.policyNumber],
    ['Termék', `${product.name.hu}${product.motor ? ` (${product.shortName.hu})` : ''}`],
    ['Kockázatviselés kezdete', formatDate(policy.startDate)],
    ['Tartam', policy.endDate ? `határozott, ${formatDate(policy.endDate)} napjáig` : 'határozatlan'],
    ['Állapot', policy.status === 'active' ? 'élő' : `törölt${policy.cancelledAt ? ` (${formatDate(policy.cancelledAt)})` : ''}`],
    // Travel is paid once, for the trip or the year.
    [policy.product === 'travel' ? 'Biztosítási díj' : 'Éves díj', formatHuf(policy.annualPremiumHuf)],
    ['Díjfizetés gyakorisága', policy.product === 'travel' ? 'egyszeri' : PAYMENT_FREQUENCIES[policy.paymentFrequency].name.hu],
    ['Díjfizetés módja', PAYMENT_METHODS[policy.paymentMethod].name.hu],
  ];
  if (policy.paymentFrequency !== 'annual') rows.push(['Részletdíj', formatHuf(instalmentHuf(policy))]);
  rows.push(['Közvetítő', policy.brokerName ?? 'közvetlen szerződés (közvetítő nélkül)']);
  return rows;
}

export function insuredObjectHeading(object: InsuredObject): string {
  switch (object.kind) {
    case 'vehicle':
      return 'Biztosított gépjármű';
    case 'property':
      return 'Biztosított ingatlan';
    case 'travel':
      return 'Biztosított utazás';
  }
}

export function insuredObjectFields(object: InsuredObject): [string, string][] {
  switch (object.kind) {
    case 'vehicle': {
      const rows: [string, string][] = [
        ['Forgalmi rendszám', object.plate],
        ['Gyártmány, típus', `${object.make} ${object.model}`],
        ['Gyártási év', String(object.year)],
        ['Alvázszám', object.vin],
      ];
      if (object.bonusMalus) rows.push(['Bonus-malus osztály', object.bonusMalus]);
      if (object.valueHuf) rows.push(['Biztosítási érték', formatHuf(object.valueHuf)]);
      return rows;
    }
    case 'property':
      return [
        ['Kockázatviselés helye', `${object.address.postcode} ${object.address.city}, ${object.address.addressLine}`],
        ['Ingatlan típusa', object.propertyType === 'flat' ? 'lakás (társasházi)' : 'családi ház'],
        ['Alapterület', `${object.floorAreaM2} m²`],
        ['Építés éve', String(object.buildYear)],
        ['Épület biztosítási összege', formatHuf(object.buildingSumHuf)],
        ['Ingóság biztosítási összege', formatHuf(object.contentsSumHuf)],
      ];
    case 'travel':
      return [
        ['Fedezet', object.cover === 'annual' ? 'éves utasbiztosítás (korlátlan számú utazásra)' : 'egyszeri utazás'],
        ['Területi hatály', object.zone === 'europe' ? 'Európa' : 'világ'],
        ['Úti cél', object.destination],
        ['Utasok száma', `${object.travellers} fő`],
        ['Utazás időszaka', `${formatDate(object.tripStart)} – ${formatDate(object.tripEnd)}`],
      ];
  }
}

export function cancelReasonText(reason: string | null | undefined): string {
  return reason && Object.hasOwn(CANCEL_REASONS, reason) ? CANCEL_REASONS[reason as keyof typeof CANCEL_REASONS].hu : '';
}

/** Place, date and the issuer; documents are valid without a handwritten signature. */
export function closing(c: PdfComposer, issuedAt: string): void {
  c.spacer(10);
  c.text(`${INSURER.city}, ${formatDate(issuedAt)}`, { gapAfter: 14 });
  c.text(INSURER.name, { bold: true, gapAfter: 0 });
  c.text('Ügyfélszolgálat', { color: COLORS.muted, gapAfter: 12 });
  c.text(
    'Ez a dokumentum elektronikusan készült, aláírás és bélyegző nélkül is érvényes. A dokumentum személyes adatokat és ' +
      'biztosítási titkot tartalmaz; kizárólag az Ügyfélportálon (Levelezés menü) érhető el. Kérdés esetén hívja ügyfélszolgálatunkat: ' +
      `${INSURER.phone}, vagy írjon ${withArticle(INSURER.email)} címre.`,
    { size: 7.5, color: COLORS.muted },
  );
}
