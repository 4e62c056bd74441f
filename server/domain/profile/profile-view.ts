import { isoDateOf } from '../../kernel/calendar.ts';
import type { PostalAddress } from '../../kernel/insured-object.ts';
import type { Language } from '../../../common/language.ts';

/** The customer's own data as the profile page shows it. */
export interface ProfileView {
  name: string;
  customerNumber: string;
  kind: 'person' | 'company';
  /** Persons only. */
  birthDate: string | null;
  /** Companies only. */
  taxNumber: string | null;
  address: PostalAddress;
  /** Where letters go; null: the address above. */
  correspondenceAddress: PostalAddress | null;
  email: string | null;
  phone: string | null;
  language: Language;
}

export const PROFILE_COLUMNS = `customer_number, kind, name, birth_date, tax_number, postcode, city, address_line, correspondence_address, email, phone, language`;

function jsonOf<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function profileViewOf(row: Record<string, unknown>): ProfileView {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return {
    name: String(row.name),
    customerNumber: String(row.customer_number),
    kind: row.kind === 'company' ? 'company' : 'person',
    birthDate: row.birth_date == null ? null : isoDateOf(row.birth_date),
    taxNumber: text(row.tax_number),
    address: { postcode: String(row.postcode), city: String(row.city), addressLine: String(row.address_line) },
    correspondenceAddress: row.correspondence_address == null ? null : jsonOf<PostalAddress>(row.correspondence_address),
    email: text(row.email),
    phone: text(row.phone),
    language: row.language === 'en' ? 'en' : 'hu',
  };
}
