import { QueryTypes, type Sequelize } from 'sequelize';
import { insertRows } from '../db/insert-rows.ts';
import { maskedAddress } from './templates/format.ts';

/**
 * What operations need to look after the outbox (./outbox.ts) without SQL: how much waits, and
 * the notifications the worker gave up on (8 tries, or refused for good by the mail server),
 * which they can send again once the cause is fixed. Recipients are shown masked; the error is
 * the kind and SMTP code the worker kept (never the server's text, which may quote the address).
 */
export interface OutboxStatus {
  /** Pending and due now (the worker picks them up within seconds while the portal runs). */
  pendingDue: number;
  /** Pending, waiting for their next try after a failed one. */
  pendingLater: number;
  /** Age of the oldest pending notification, in seconds (null when none waits). */
  oldestPendingSeconds: number | null;
  sentLastDay: number;
  failed: number;
}

export async function outboxStatus(sequelize: Sequelize): Promise<OutboxStatus> {
  const [row] = await sequelize.query<Record<keyof OutboxStatus, string | number | null>>(
    `select count(*) filter (where status = 'pending' and next_attempt_at <= now()) as "pendingDue",
            count(*) filter (where status = 'pending' and next_attempt_at > now()) as "pendingLater",
            floor(extract(epoch from now() - min(created_at) filter (where status = 'pending'))) as "oldestPendingSeconds",
            count(*) filter (where status = 'sent' and sent_at > now() - interval '1 day') as "sentLastDay",
            count(*) filter (where status = 'failed') as failed
       from notifications`,
    { type: QueryTypes.SELECT },
  );
  const n = (value: string | number | null | undefined) => Number(value ?? 0);
  return {
    pendingDue: n(row?.pendingDue),
    pendingLater: n(row?.pendingLater),
    oldestPendingSeconds: row?.oldestPendingSeconds == null ? null : n(row.oldestPendingSeconds),
    sentLastDay: n(row?.sentLastDay),
    failed: n(row?.failed),
  };
}

export interface FailedNotification {
  id: string;
  template: string;
  language: string;
  /** The customer's number (null for a message to no customer, e.g. a registration attempt). */
  customerNumber: string | null;
  /** "k•••••@example.hu". */
  to: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

export const MAX_LISTED = 500;

/** The notifications the worker gave up on, oldest first (at most `limit`, ≤ 500), and how many there are. */
export async function listFailedNotifications(sequelize: Sequelize, limit = 50): Promise<{ items: FailedNotification[]; total: number }> {
  const bounded = Math.min(MAX_LISTED, Math.max(1, Math.trunc(limit)));
  const rows = await sequelize.query<{
    id: string;
    template: string;
    language: string;
    customer_number: string | null;
    to_address: string;
    attempts: number;
    last_error: string | null;
    created_at: Date;
    total: string;
  }>(
    `select n.id, n.template, n.language, c.customer_number, n.to_address, n.attempts, n.last_error, n.created_at,
            count(*) over () as total
       from notifications n left join customers c on c.id = n.customer_id
      where n.status = 'failed'
      order by n.created_at, n.id
      limit $1`,
    { bind: [bounded], type: QueryTypes.SELECT },
  );
  const total = rows.length ? Number(rows[0]!.total) : 0;
  const items = rows.map((r) => ({
    id: r.id,
    template: r.template,
    language: r.language,
    customerNumber: r.customer_number,
    to: maskedAddress(r.to_address) ?? '•••',
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
  }));
  return { items, total };
}

/**
 * Puts failed notifications back in the queue (tries counted from zero, due now), the given ones
 * or every failed one, and audits each as `notification.retried` by the operator. Only failed
 * notifications move: a sent one is never sent twice. Returns the ids that moved.
 */
export async function retryFailedNotifications(sequelize: Sequelize, input: { ids: readonly string[] } | { all: true }, actorId: string): Promise<string[]> {
  if ('ids' in input && input.ids.length === 0) return [];
  return sequelize.transaction(async (transaction) => {
    const rows = await sequelize.query<{ id: string; customer_id: number | null }>(
      `update notifications
          set status = 'pending', attempts = 0, next_attempt_at = now(), last_error = null
        where status = 'failed' and ($1::uuid[] is null or id = any($1::uuid[]))
        returning id, customer_id`,
      { bind: ['ids' in input ? [...input.ids] : null], type: QueryTypes.SELECT, transaction },
    );
    await insertRows(
      sequelize,
      transaction,
      'audit_events',
      ['actor_type', 'actor_id', 'customer_id', 'action', 'subject_type', 'subject_id', 'metadata'],
      rows.map((r) => ['operator', actorId, r.customer_id, 'notification.retried', 'notification', r.id, '{}']),
      { casts: { metadata: 'jsonb' } },
    );
    return rows.map((r) => r.id).sort();
  });
}

export const NOTIFICATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
