import { isoTimestampOf } from '../../kernel/calendar.ts';
import { DOCUMENT_TYPES, type DocumentTypeCode } from '../../kernel/document-types.ts';
import type { LocalizedName } from '../../kernel/products.ts';

/** A document in the mailbox (Levelezés) as a list shows it: never its content. */
export interface MailboxDocumentView {
  id: string;
  type: DocumentTypeCode;
  typeName: LocalizedName;
  title: string;
  /** Null for a customer-level document (e.g. a payment receipt that may span contracts; scoped by what it covers). */
  policyId: number | null;
  policyNumber: string | null;
  issuedAt: string;
  read: boolean;
  readAt: string | null;
  sizeBytes: number;
}

/** Columns of `documents d left join policies p`: everything but the content. */
export const DOCUMENT_COLUMNS = `d.id, d.type, d.title, d.policy_id, p.policy_number, d.issued_at, d.read_at, d.size_bytes`;

/**
 * What a customer-level document (policy_id null) covers is out of a broker's scope: a payment
 * receipt names the contracts, invoices and amounts of every invoice its payment settled, so it
 * is out as soon as one of them is on a policy of another broker (or a direct one). A
 * customer-level document that is no payment's receipt covers nothing we can check: out too.
 */
const CUSTOMER_LEVEL_OUT_OF_BROKER_SCOPE = `(not exists (select 1 from payments rp where rp.receipt_document_id = d.id)
  or exists (select 1 from payments rp
               join payment_invoices rpi on rpi.payment_id = rp.id
               join invoices ri on ri.id = rpi.invoice_id
               join policies rpo on rpo.id = ri.policy_id
              where rp.receipt_document_id = d.id and rpo.broker_id is distinct from $2::int))`;

/**
 * The scope of a customer's mailbox: their own documents; for a broker-scoped partner, only
 * those of that broker's policies, and customer-level ones (policy_id null) only when everything
 * they cover is that broker's (see above). `$1` customer id, `$2` broker id or null.
 */
export const DOCUMENT_SCOPE = `d.customer_id = $1 and ($2::int is null
  or (d.policy_id is not null and p.broker_id = $2::int)
  or (d.policy_id is null and not ${CUSTOMER_LEVEL_OUT_OF_BROKER_SCOPE}))`;

/** A type's name in both languages (its code, for a type this version does not know). */
export function typeNameOf(type: DocumentTypeCode): LocalizedName {
  return DOCUMENT_TYPES[type]?.name ?? { hu: type, en: type };
}

export function documentViewOf(row: Record<string, unknown>): MailboxDocumentView {
  const type = row.type as DocumentTypeCode;
  return {
    id: String(row.id),
    type,
    typeName: typeNameOf(type),
    title: String(row.title),
    policyId: row.policy_id == null ? null : Number(row.policy_id),
    policyNumber: row.policy_number == null ? null : String(row.policy_number),
    issuedAt: isoTimestampOf(row.issued_at),
    read: row.read_at != null,
    readAt: row.read_at == null ? null : isoTimestampOf(row.read_at),
    sizeBytes: Number(row.size_bytes),
  };
}
