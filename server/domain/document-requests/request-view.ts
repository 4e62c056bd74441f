import { isoTimestampOf } from '../../kernel/calendar.ts';
import { DOCUMENT_TYPES, type DocumentTypeCode } from '../../kernel/document-types.ts';
import type { LocalizedName } from '../../kernel/products.ts';

/** A document request as the portal shows it. */
export type DocumentRequestStatus = 'pending' | 'fulfilled' | 'failed';

export interface DocumentRequestView {
  id: string;
  policyId: number | null;
  policyNumber: string | null;
  type: DocumentTypeCode;
  typeName: LocalizedName;
  status: DocumentRequestStatus;
  /** The document in the mailbox, once fulfilled. */
  documentId: string | null;
  /** Why it failed (a stable code), when it did. */
  failureReason: string | null;
  requestedAt: string;
  fulfilledAt: string | null;
}

export const REQUEST_COLUMNS = `r.id, r.policy_id, p.policy_number, r.type, r.status, r.document_id, r.failure_reason, r.created_at, r.fulfilled_at`;

export function requestViewOf(row: Record<string, unknown>): DocumentRequestView {
  const type = row.type as DocumentTypeCode;
  return {
    id: String(row.id),
    policyId: row.policy_id == null ? null : Number(row.policy_id),
    policyNumber: row.policy_number == null ? null : String(row.policy_number),
    type,
    typeName: DOCUMENT_TYPES[type]?.name ?? { hu: type, en: type },
    status: row.status as DocumentRequestStatus,
    documentId: row.document_id == null ? null : String(row.document_id),
    failureReason: row.failure_reason == null ? null : String(row.failure_reason),
    requestedAt: isoTimestampOf(row.created_at),
    fulfilledAt: row.fulfilled_at == null ? null : isoTimestampOf(row.fulfilled_at),
  };
}
