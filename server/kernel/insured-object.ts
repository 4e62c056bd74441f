/**
 * The shape of `policies.insured_object` (jsonb): what a policy covers, by product.
 * The `kind` tag lets readers switch without knowing the product.
 */
export interface PostalAddress {
  postcode: string;
  city: string;
  addressLine: string;
}

export interface InsuredVehicle {
  kind: 'vehicle';
  plate: string;
  make: string;
  model: string;
  year: number;
  vin: string;
  /** CASCO only: the agreed vehicle value the cover is written for. */
  valueHuf?: number;
  /** KGFB only: the bonus-malus class (A0, B1…B10, M1…M4). */
  bonusMalus?: string;
}

export interface InsuredProperty {
  kind: 'property';
  address: PostalAddress;
  propertyType: 'flat' | 'house';
  floorAreaM2: number;
  buildYear: number;
  buildingSumHuf: number;
  contentsSumHuf: number;
}

export interface InsuredTravel {
  kind: 'travel';
  /** `single` covers one trip between the dates; `annual` any number of trips for a year. */
  cover: 'single' | 'annual';
  zone: 'europe' | 'world';
  destination: string;
  travellers: number;
  tripStart: string;
  tripEnd: string;
}

export type InsuredObject = InsuredVehicle | InsuredProperty | InsuredTravel;

/** One line naming the insured object, for lists, titles and e-mails. */
export function describeInsuredObject(object: InsuredObject): string {
  switch (object.kind) {
    case 'vehicle':
      return `${object.plate} ${object.make} ${object.model}`;
    case 'property':
      return `${object.address.postcode} ${object.address.city}, ${object.address.addressLine}`;
    case 'travel':
      return `${object.destination}, ${object.travellers} fő`;
  }
}
