/**
 * The product catalogue: what the insurer sells, which payment terms each product accepts and
 * which kinds of loss can be reported on it. Codes are stable (stored in `policies.product`,
 * `claims.claim_type`); names are Hungarian first, English second.
 */
export type ProductCode = 'kgfb' | 'casco' | 'home' | 'travel';
export type PaymentFrequency = 'annual' | 'semiannual' | 'quarterly' | 'monthly';
export type PaymentMethod = 'bank_transfer' | 'direct_debit' | 'card' | 'postal_cheque';
export type ClaimType =
  | 'collision_liability'
  | 'collision'
  | 'theft'
  | 'glass'
  | 'natural_damage'
  | 'vandalism'
  | 'water_leak'
  | 'fire'
  | 'burglary'
  | 'storm'
  | 'medical'
  | 'luggage'
  | 'cancellation'
  | 'delay';

export interface LocalizedName {
  hu: string;
  en: string;
}

export interface Product {
  code: ProductCode;
  name: LocalizedName;
  /** For tight places: lists, table cells, e-mail subjects. */
  shortName: LocalizedName;
  /** Motor products insure a vehicle and have a claims history (bonus-malus). */
  motor: boolean;
  frequencies: readonly PaymentFrequency[];
  methods: readonly PaymentMethod[];
  claimTypes: readonly ClaimType[];
}

export const PAYMENT_FREQUENCIES: Readonly<Record<PaymentFrequency, { months: number; name: LocalizedName }>> = {
  annual: { months: 12, name: { hu: 'éves', en: 'annual' } },
  semiannual: { months: 6, name: { hu: 'féléves', en: 'semi-annual' } },
  quarterly: { months: 3, name: { hu: 'negyedéves', en: 'quarterly' } },
  monthly: { months: 1, name: { hu: 'havi', en: 'monthly' } },
};

export const PAYMENT_METHODS: Readonly<Record<PaymentMethod, { name: LocalizedName }>> = {
  bank_transfer: { name: { hu: 'banki átutalás', en: 'bank transfer' } },
  direct_debit: { name: { hu: 'csoportos beszedési megbízás', en: 'direct debit' } },
  card: { name: { hu: 'bankkártya', en: 'card' } },
  postal_cheque: { name: { hu: 'postai csekk', en: 'postal cheque' } },
};

export const CLAIM_TYPES: Readonly<Record<ClaimType, LocalizedName>> = {
  collision_liability: { hu: 'Okozott gépjárműkár', en: 'Third-party motor damage' },
  collision: { hu: 'Ütközés, baleset', en: 'Collision' },
  theft: { hu: 'Lopás', en: 'Theft' },
  glass: { hu: 'Üvegkár', en: 'Glass breakage' },
  natural_damage: { hu: 'Elemi kár', en: 'Natural hazard damage' },
  vandalism: { hu: 'Rongálás', en: 'Vandalism' },
  water_leak: { hu: 'Csőtörés, beázás', en: 'Water leak' },
  fire: { hu: 'Tűzkár', en: 'Fire' },
  burglary: { hu: 'Betöréses lopás', en: 'Burglary' },
  storm: { hu: 'Viharkár', en: 'Storm damage' },
  medical: { hu: 'Sürgősségi orvosi ellátás', en: 'Emergency medical care' },
  luggage: { hu: 'Poggyászkár', en: 'Luggage damage or loss' },
  cancellation: { hu: 'Útlemondás', en: 'Trip cancellation' },
  delay: { hu: 'Járatkésés', en: 'Travel delay' },
};

export const PRODUCTS: Readonly<Record<ProductCode, Product>> = {
  kgfb: {
    code: 'kgfb',
    name: { hu: 'Kötelező gépjármű-felelősségbiztosítás', en: 'Compulsory motor third-party liability insurance' },
    shortName: { hu: 'KGFB', en: 'Motor liability' },
    motor: true,
    // The law lets the customer pick any frequency for the compulsory cover.
    frequencies: ['annual', 'semiannual', 'quarterly', 'monthly'],
    methods: ['bank_transfer', 'direct_debit', 'card', 'postal_cheque'],
    claimTypes: ['collision_liability'],
  },
  casco: {
    code: 'casco',
    name: { hu: 'CASCO gépjármű-biztosítás', en: 'CASCO comprehensive motor insurance' },
    shortName: { hu: 'CASCO', en: 'CASCO' },
    motor: true,
    frequencies: ['annual', 'semiannual', 'quarterly', 'monthly'],
    methods: ['bank_transfer', 'direct_debit', 'card'],
    claimTypes: ['collision', 'theft', 'glass', 'natural_damage', 'vandalism'],
  },
  home: {
    code: 'home',
    name: { hu: 'Lakásbiztosítás', en: 'Home insurance' },
    shortName: { hu: 'Lakás', en: 'Home' },
    motor: false,
    frequencies: ['annual', 'semiannual', 'quarterly', 'monthly'],
    methods: ['bank_transfer', 'direct_debit', 'card', 'postal_cheque'],
    claimTypes: ['water_leak', 'fire', 'burglary', 'storm', 'glass'],
  },
  travel: {
    code: 'travel',
    name: { hu: 'Utasbiztosítás', en: 'Travel insurance' },
    shortName: { hu: 'Utas', en: 'Travel' },
    motor: false,
    // Paid in one sum when bought, online.
    frequencies: ['annual'],
    methods: ['card', 'bank_transfer'],
    claimTypes: ['medical', 'luggage', 'cancellation', 'delay'],
  },
};

export const PRODUCT_CODES = Object.keys(PRODUCTS) as ProductCode[];

export function isProductCode(value: unknown): value is ProductCode {
  return typeof value === 'string' && Object.hasOwn(PRODUCTS, value);
}

/** Instalments below a quarter can only be collected automatically (no monthly cheque or transfer). */
export function isAllowedPaymentTerms(product: ProductCode, frequency: PaymentFrequency, method: PaymentMethod): boolean {
  const p = PRODUCTS[product];
  if (!p.frequencies.includes(frequency) || !p.methods.includes(method)) return false;
  return frequency !== 'monthly' || method === 'direct_debit' || method === 'card';
}

export function allowedPaymentMethods(product: ProductCode, frequency: PaymentFrequency): PaymentMethod[] {
  return PRODUCTS[product].methods.filter((m) => isAllowedPaymentTerms(product, frequency, m));
}

export function isClaimTypeFor(product: ProductCode, claimType: string): claimType is ClaimType {
  return (PRODUCTS[product].claimTypes as readonly string[]).includes(claimType);
}
