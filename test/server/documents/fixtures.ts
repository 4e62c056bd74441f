import type { DocumentInput, DocumentParty, DocumentPolicy } from '../../../server/documents/index.ts';
import { DOCUMENT_TYPE_CODES, type DocumentTypeCode } from '../../../server/documents/index.ts';

/** One realistic input per document type, with accented names that need ő and ű glyphs. */
export const customer: DocumentParty = {
  kind: 'person',
  name: 'Szőke Erzsébet',
  customerNumber: '31415926',
  postcode: '9021',
  city: 'Győr',
  addressLine: 'Széchenyi tér 7. 2. em. 4.',
  birthDate: '1971-05-08',
};

export const company: DocumentParty = {
  kind: 'company',
  name: 'Fürge Fuvar Kft.',
  customerNumber: '27182818',
  postcode: '6720',
  city: 'Szeged',
  addressLine: 'Kölcsey Ferenc utca 12.',
  taxNumber: '12345676-2-06',
};

export const kgfb: DocumentPolicy = {
  policyNumber: '310004217',
  product: 'kgfb',
  status: 'active',
  startDate: '2024-03-01',
  annualPremiumHuf: 125_400,
  paymentFrequency: 'quarterly',
  paymentMethod: 'bank_transfer',
  insuredObject: { kind: 'vehicle', plate: 'AA BC-123', make: 'Škoda', model: 'Octavia', year: 2023, vin: 'TMBJJ7NE5P0123456', bonusMalus: 'B7' },
  brokerName: 'Biztos Pont Alkusz Kft.',
};

export const home: DocumentPolicy = {
  policyNumber: '510000815',
  product: 'home',
  status: 'active',
  startDate: '2022-11-15',
  annualPremiumHuf: 48_600,
  paymentFrequency: 'annual',
  paymentMethod: 'direct_debit',
  insuredObject: {
    kind: 'property',
    address: { postcode: '9021', city: 'Győr', addressLine: 'Széchenyi tér 7. 2. em. 4.' },
    propertyType: 'flat',
    floorAreaM2: 64,
    buildYear: 1978,
    buildingSumHuf: 38_000_000,
    contentsSumHuf: 6_000_000,
  },
  brokerName: null,
};

export const travel: DocumentPolicy = {
  policyNumber: '710002024',
  product: 'travel',
  status: 'active',
  startDate: '2026-12-20',
  endDate: '2026-12-27',
  annualPremiumHuf: 18_400,
  paymentFrequency: 'annual',
  paymentMethod: 'card',
  insuredObject: { kind: 'travel', cover: 'single', zone: 'europe', destination: 'Ausztria', travellers: 2, tripStart: '2026-12-20', tripEnd: '2026-12-27' },
  brokerName: null,
};

const issuedAt = '2026-11-24T09:30:00.000Z';
const documentId = '6f1c2a4e-8b3d-4e5f-9a7b-0c1d2e3f4a5b';

export const samples: Record<DocumentTypeCode, DocumentInput> = {
  kotveny: { type: 'kotveny', documentId, issuedAt, customer, policy: kgfb },
  dijbekero: {
    type: 'dijbekero',
    documentId,
    issuedAt,
    customer,
    policy: kgfb,
    paymentReference: 'DB-10000042',
    invoices: [{ invoiceNumber: 'DB-10000042', periodStart: '2026-12-01', periodEnd: '2027-02-28', dueDate: '2026-12-01', amountHuf: 31_350 }],
  },
  dijigazolas: {
    type: 'dijigazolas',
    documentId,
    issuedAt,
    customer,
    policy: home,
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    payments: [
      {
        invoiceNumber: 'DB-10000007',
        periodStart: '2024-11-15',
        periodEnd: '2025-11-14',
        dueDate: '2024-11-15',
        amountHuf: 46_200,
        paidAt: '2024-11-15T08:00:00Z',
      },
    ],
  },
  kartorteneti_igazolas: {
    type: 'kartorteneti_igazolas',
    documentId,
    issuedAt,
    customer: company,
    policy: kgfb,
    periodFrom: '2021-11-24',
    periodTo: '2026-11-24',
    claims: [{ claimNumber: 'KAR-2025-00017', claimType: 'collision_liability', occurredAt: '2025-06-03T14:20:00Z', status: 'paid', paidHuf: 412_000 }],
  },
  biztositasi_igazolas: { type: 'biztositasi_igazolas', documentId, issuedAt, customer, policy: home, validOn: '2026-11-24' },
  modositas_visszaigazolas: {
    type: 'modositas_visszaigazolas',
    documentId,
    issuedAt,
    customer,
    policy: kgfb,
    effectiveDate: '2026-12-01',
    changes: [{ label: 'Díjfizetés módja', oldValue: 'postai csekk', newValue: 'banki átutalás' }],
  },
  befizetes_igazolas: {
    type: 'befizetes_igazolas',
    documentId,
    issuedAt,
    customer,
    payment: { receiptNumber: 'BF-2026-000123', reference: 'demo_tx_8f3a2c', paidAt: '2026-11-20T10:12:00Z', method: 'card', amountHuf: 79_950 },
    items: [
      { invoiceNumber: 'DB-10000042', policyNumber: '310004217', amountHuf: 31_350 },
      { invoiceNumber: 'DB-10000043', policyNumber: '510000815', amountHuf: 48_600 },
    ],
  },
  karbejelentes_visszaigazolas: {
    type: 'karbejelentes_visszaigazolas',
    documentId,
    issuedAt,
    customer,
    policy: home,
    claim: {
      claimNumber: 'KAR-2026-00031',
      claimType: 'water_leak',
      occurredAt: '2026-11-20T06:00:00Z',
      reportedAt: '2026-11-21T08:15:00Z',
      place: '9021 Győr, Széchenyi tér 7.',
      description: 'A fürdőszobai csőtörés miatt a szomszéd lakás mennyezete is beázott; a vízvezeték-szerelő kijött.',
      estimatedDamageHuf: 350_000,
    },
  },
  evfordulos_ertesito: {
    type: 'evfordulos_ertesito',
    documentId,
    issuedAt,
    customer,
    policy: kgfb,
    anniversaryDate: '2027-03-01',
    newAnnualPremiumHuf: 131_700,
  },
};

export const sampleTypes: DocumentTypeCode[] = DOCUMENT_TYPE_CODES;

/** A travel policy document (its field labels start with a plain "U": Utasok, Utazás). */
export const travelPolicyDocument: DocumentInput = { type: 'kotveny', documentId, issuedAt, customer, policy: travel };
