import type { DocumentParty } from './pdf/input.ts';

/** The customer fields a document prints; any customer-shaped record (database row, seed data) has them. */
export type PartySource = Pick<DocumentParty, 'kind' | 'name' | 'customerNumber' | 'postcode' | 'city' | 'addressLine'> & {
  birthDate: string | null;
  taxNumber: string | null;
};

/** The addressee block of a document, copied field by field so nothing else (e-mail, phone) reaches a PDF. */
export function documentParty(customer: PartySource): DocumentParty {
  return {
    kind: customer.kind,
    name: customer.name,
    customerNumber: customer.customerNumber,
    postcode: customer.postcode,
    city: customer.city,
    addressLine: customer.addressLine,
    birthDate: customer.birthDate,
    taxNumber: customer.taxNumber,
  };
}
