import type { LocalizedName, ProductCode } from './products.ts';
import { PRODUCTS } from './products.ts';

/**
 * The document types the insurer issues into the mailbox (Levelezés). The Hungarian name is
 * the notification e-mail's subject, so it must stay the customer-facing wording.
 */
export type DocumentTypeCode =
  | 'kotveny'
  | 'dijbekero'
  | 'dijigazolas'
  | 'kartorteneti_igazolas'
  | 'biztositasi_igazolas'
  | 'modositas_visszaigazolas'
  | 'befizetes_igazolas'
  | 'karbejelentes_visszaigazolas'
  | 'evfordulos_ertesito';

export interface DocumentType {
  code: DocumentTypeCode;
  name: LocalizedName;
  /** `policy`: issued for one contract; `customer`: may span contracts (a payment can settle several). */
  scope: 'policy' | 'customer';
  /** Only for motor products (the claims history feeds the bonus-malus class). */
  motorOnly: boolean;
  /** Whether a customer may ask for it in the portal (the others are issued by events). */
  requestable: boolean;
}

export const DOCUMENT_TYPES: Readonly<Record<DocumentTypeCode, DocumentType>> = {
  kotveny: { code: 'kotveny', name: { hu: 'Kötvény', en: 'Policy document' }, scope: 'policy', motorOnly: false, requestable: true },
  dijbekero: { code: 'dijbekero', name: { hu: 'Díjbekérő', en: 'Premium notice' }, scope: 'policy', motorOnly: false, requestable: false },
  dijigazolas: { code: 'dijigazolas', name: { hu: 'Díjigazolás', en: 'Premium certificate' }, scope: 'policy', motorOnly: false, requestable: true },
  kartorteneti_igazolas: {
    code: 'kartorteneti_igazolas',
    name: { hu: 'Kártörténeti igazolás', en: 'Claims-history certificate' },
    scope: 'policy',
    motorOnly: true,
    requestable: true,
  },
  biztositasi_igazolas: {
    code: 'biztositasi_igazolas',
    name: { hu: 'Biztosítási igazolás', en: 'Insurance certificate' },
    scope: 'policy',
    motorOnly: false,
    requestable: true,
  },
  modositas_visszaigazolas: {
    code: 'modositas_visszaigazolas',
    name: { hu: 'Szerződésmódosítás visszaigazolása', en: 'Contract change confirmation' },
    scope: 'policy',
    motorOnly: false,
    requestable: false,
  },
  befizetes_igazolas: {
    code: 'befizetes_igazolas',
    name: { hu: 'Befizetés igazolása', en: 'Payment receipt' },
    scope: 'customer',
    motorOnly: false,
    requestable: false,
  },
  karbejelentes_visszaigazolas: {
    code: 'karbejelentes_visszaigazolas',
    name: { hu: 'Kárbejelentés visszaigazolása', en: 'Claim acknowledgement' },
    scope: 'policy',
    motorOnly: false,
    requestable: false,
  },
  evfordulos_ertesito: {
    code: 'evfordulos_ertesito',
    name: { hu: 'Évfordulós értesítő', en: 'Renewal notice' },
    scope: 'policy',
    motorOnly: false,
    requestable: false,
  },
};

export const DOCUMENT_TYPE_CODES = Object.keys(DOCUMENT_TYPES) as DocumentTypeCode[];

export function isDocumentTypeCode(value: unknown): value is DocumentTypeCode {
  return typeof value === 'string' && Object.hasOwn(DOCUMENT_TYPES, value);
}

/** Whether a document of this type can be issued for a policy of this product. */
export function appliesToProduct(type: DocumentTypeCode, product: ProductCode): boolean {
  return !DOCUMENT_TYPES[type].motorOnly || PRODUCTS[product].motor;
}

/** The types a customer may request for a policy of this product, in display order. */
export function requestableTypesFor(product: ProductCode): DocumentTypeCode[] {
  return DOCUMENT_TYPE_CODES.filter((t) => DOCUMENT_TYPES[t].requestable && appliesToProduct(t, product));
}
