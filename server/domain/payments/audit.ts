import type { Sequelize, Transaction } from 'sequelize';
import { insertRows } from '../../db/insert-rows.ts';

/**
 * The payments' audit trail. Ids, amounts and reasons only: never a card number, name or e-mail.
 */
export type PaymentAuditAction =
  | 'payment.started'
  | 'payment.expired'
  | 'payment.provider_failed'
  | 'payment.succeeded'
  | 'payment.declined'
  | 'payment.cancelled'
  | 'payment.double_payment'
  | 'payment.superseded_checkout_paid'
  | 'payment.webhook_ignored'
  | 'payment.webhook_rejected';

export interface PaymentAuditEvent {
  action: PaymentAuditAction;
  actorType: 'customer' | 'system';
  actorId?: string | null;
  customerId: number | null;
  paymentId: string | null;
  clientId?: string | null;
  metadata?: Record<string, unknown>;
}

const COLUMNS = ['actor_type', 'actor_id', 'customer_id', 'action', 'subject_type', 'subject_id', 'client_id', 'metadata'] as const;

export async function recordPaymentAudit(sequelize: Sequelize, transaction: Transaction | null, events: readonly PaymentAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => [
    e.actorType,
    e.actorId ?? null,
    e.customerId,
    e.action,
    e.paymentId ? 'payment' : null,
    e.paymentId,
    e.clientId ?? null,
    JSON.stringify(e.metadata ?? {}),
  ]);
  await insertRows(sequelize, transaction, 'audit_events', COLUMNS, rows, { casts: { metadata: 'jsonb' } });
}
