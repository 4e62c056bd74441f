import { isoTimestampOf } from '../../kernel/calendar.ts';
import { DOCUMENT_TYPES, type DocumentTypeCode } from '../../kernel/document-types.ts';
import type { LocalizedName } from '../../kernel/products.ts';

/** A document in the mailbox (Levelezés) as a list shows it: never its content. */
export interface MailboxDocumentView {
  id: string;
  type: DocumentTypeCode;
  typeName: LocalizedName;
  title: string;
  /** Null for a customer-level document (e.g. a payment receipt that may span contracts). */
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
 * The scope of a customer's mailbox: their own documents; for a broker-scoped partner, only
 * those of that broker's policies plus the customer-level ones (policy_id null), which belong to
 * no single contract. `$1` customer id, `$2` broker id or null.
 */
export const DOCUMENT_SCOPE = `d.customer_id = $1 and ($2::int is null or d.policy_id is null or p.broker_id = $2::int)`;

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
