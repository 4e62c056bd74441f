import type { DocumentTypeCode } from '../../kernel/document-types.ts';

/**
 * The audit trail's "document issued" event. Ids and technical facts only: the metadata never
 * carries a name, e-mail or address (the customer is the `customer_id` column).
 */
export type DeliverySource = 'system' | 'operations' | 'request';

export interface DocumentIssuedEvent {
  documentId: string;
  customerId: number;
  policyId: number | null;
  type: DocumentTypeCode;
  source: DeliverySource;
  /** Who issued it: an operator's login on the CLI, a service name; null when unknown. */
  actorId: string | null;
  sha256: string;
  sizeBytes: number;
  notification: 'queued' | 'no_email_address';
  /** Set for the documents of one bulk run, so the run can be found again. */
  bulkRunId?: string | null;
}

export const AUDIT_COLUMNS = ['actor_type', 'actor_id', 'customer_id', 'action', 'subject_type', 'subject_id', 'metadata'] as const;

export function documentIssuedAuditRow(event: DocumentIssuedEvent): unknown[] {
  const metadata: Record<string, unknown> = {
    type: event.type,
    source: event.source,
    policyId: event.policyId,
    sha256: event.sha256,
    sizeBytes: event.sizeBytes,
    notification: event.notification,
  };
  if (event.bulkRunId) metadata.bulkRunId = event.bulkRunId;
  return [
    event.source === 'operations' ? 'operator' : 'system',
    event.actorId,
    event.customerId,
    'document.issued',
    'document',
    event.documentId,
    JSON.stringify(metadata),
  ];
}
