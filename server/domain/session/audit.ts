import type { Sequelize, Transaction } from 'sequelize';

export type SessionAuditAction = 'session.started' | 'session.ended' | 'session.reauthenticated';

/** Why a session ended (`metadata.reason` of 'session.ended'). */
export type SessionEndReason = 'logout' | 'expired' | 'refresh_failed' | 'partner_inactive' | 'unreadable' | 'ended_by_customer';

/** Reasons a session ends because the customer said so (the audit's actor is then the customer). */
const CUSTOMER_REASONS = new Set<unknown>(['logout', 'ended_by_customer']);

/** One row in `audit_events` for a session of the API (never a token, session id or its hash). */
export async function recordSessionEvent(
  sequelize: Sequelize,
  event: { action: SessionAuditAction; accountId: string | null; customerId: number; clientId: string; metadata?: Record<string, unknown> },
  transaction?: Transaction,
): Promise<void> {
  await sequelize.query(
    `insert into audit_events (actor_type, actor_id, customer_id, action, subject_type, subject_id, client_id, metadata)
     values (:actorType, :actorId, :customerId, :action, 'account', :actorId, :clientId, cast(:metadata as jsonb))`,
    {
      replacements: {
        actorType: event.action === 'session.ended' && !CUSTOMER_REASONS.has(event.metadata?.reason) ? 'system' : 'customer',
        actorId: event.accountId,
        customerId: event.customerId,
        action: event.action,
        clientId: event.clientId,
        metadata: JSON.stringify(event.metadata ?? {}),
      },
      transaction: transaction ?? null,
    },
  );
}
