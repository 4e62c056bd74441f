import type { PaymentMethod } from '../../../kernel/products.ts';
import { PAYMENT_METHODS, PRODUCTS } from '../../../kernel/products.ts';
import { describeInsuredObject } from '../../../kernel/insured-object.ts';
import { formatDate, formatHuf, formatPeriod } from '../../format.ts';
import { INSURER } from '../../../../common/insurer.ts';
import type { InputOf } from '../input.ts';
import { COLORS } from '../layout.ts';
import { closing, openDocument } from './common.ts';

/** Díjbekérő: the premium notice, with what is due, until when, and how to pay it. */
export async function renderDijbekero(input: InputOf<'dijbekero'>): Promise<Uint8Array> {
  const { policy, invoices } = input;
  const total = invoices.reduce((sum, line) => sum + line.amountHuf, 0);
  const c = await openDocument(input, PRODUCTS[policy.product].name.hu);
  c.text(
    'Tisztelt Ügyfelünk! Tájékoztatjuk, hogy az alábbi szerződésére a következő biztosítási díj esedékes. Kérjük, a ' +
      'fizetendő összeget legkésőbb a fizetési határidőig egyenlítse ki, hogy a biztosítási fedezet folyamatos maradjon.',
    { gapAfter: 6 },
  );
  c.fields([
    ['Szerződésszám', policy.policyNumber],
    ['Biztosított', describeInsuredObject(policy.insuredObject)],
    ['Díjfizetés módja', PAYMENT_METHODS[policy.paymentMethod].name.hu],
  ]);
  c.table(
    [
      { header: 'Számlaszám', width: 0.2 },
      { header: 'Díjidőszak', width: 0.36 },
      { header: 'Fizetési határidő', width: 0.2 },
      { header: 'Összeg', width: 0.24, align: 'right' },
    ],
    invoices.map((line) => [line.invoiceNumber, formatPeriod(line.periodStart, line.periodEnd), formatDate(line.dueDate), formatHuf(line.amountHuf)]),
    ['Fizetendő összesen', '', '', formatHuf(total)],
  );
  c.section('Fizetési tudnivalók');
  c.fields(paymentFields(policy.paymentMethod, input.paymentReference));
  c.text(paymentAdvice(policy.paymentMethod));
  c.text(
    'Felhívjuk figyelmét, hogy ha a díjat az esedékességtől számított hatvan napon belül sem fizeti meg, a szerződés ' +
      'díjnemfizetés miatt megszűnik. Ha a díjat időközben már befizette, ezt az értesítést tekintse tárgytalannak.',
    { color: COLORS.warning, size: 8.5 },
  );
  closing(c, input.issuedAt);
  return c.save();
}

function paymentFields(method: PaymentMethod, reference: string): [string, string][] {
  if (method !== 'bank_transfer') return [['Közlemény / azonosító', reference]];
  return [
    ['Kedvezményezett', INSURER.name],
    ['Bankszámlaszám', INSURER.bankAccount],
    ['Közlemény', reference],
  ];
}

function paymentAdvice(method: PaymentMethod): string {
  switch (method) {
    case 'bank_transfer':
      return 'Kérjük, az átutalás közleményében pontosan tüntesse fel a fenti azonosítót, hogy befizetését azonnal a szerződéséhez rendelhessük.';
    case 'direct_debit':
      return 'A díjat csoportos beszedési megbízással, a fizetési határidő napján terheljük a bankszámlájára; ezzel kapcsolatban teendője nincs.';
    case 'card':
      return 'A díjat az Ügyfélportál Számlák menüjében bankkártyával egyenlítheti ki; a befizetésről igazolást küldünk a Levelezés menübe.';
    case 'postal_cheque':
      return 'A díjat postai készpénz-átutalási megbízáson (csekken) vagy az Ügyfélportál Számlák menüjében bankkártyával fizetheti be.';
  }
}
