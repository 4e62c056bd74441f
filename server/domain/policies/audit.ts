import type { Sequelize, Transaction } from 'sequelize';
import { insertRows } from '../../db/insert-rows.ts';
import type { CustomerActor } from '../../kernel/context.ts';

/**
 * Audit events of what a customer did to a contract, a claim or a document request. Ids,
 * codes and technical facts only: the metadata never carries a name, an address, a plate or a
 * description (the customer is the `customer_id` column).
 */
export type CustomerAuditAction =
  | 'policy.change_requested'
  | 'policy.changed'
  | 'claim.reported'
  | 'claim.attachments_added'
  | 'claim.attachment_downloaded'
  | 'document.requested'
  | 'document_request.fulfilled'
  | 'document_request.failed';

export interface CustomerAuditEvent {
  action: CustomerAuditAction;
  subjectType: 'policy' | 'claim' | 'claim_attachment' | 'document_request';
  subjectId: string | number;
  metadata?: Record<string, unknown>;
}

const COLUMNS = ['actor_type', 'actor_id', 'customer_id', 'action', 'subject_type', 'subject_id', 'client_id', 'metadata'] as const;

export async function recordCustomerAudit(
  sequelize: Sequelize,
  transaction: Transaction | null,
  actor: CustomerActor,
  events: readonly CustomerAuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => [
    'customer',
    actor.actorId ?? null,
    actor.customerId,
    e.action,
    e.subjectType,
    String(e.subjectId),
    actor.clientId ?? null,
    JSON.stringify(e.metadata ?? {}),
  ]);
  await insertRows(sequelize, transaction, 'audit_events', COLUMNS, rows, { casts: { metadata: 'jsonb' } });
}
