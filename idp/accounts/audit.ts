import type { Sequelize, Transaction } from 'sequelize';

export type IdpAuditAction = 'login.succeeded' | 'login.failed' | 'consent.granted' | 'consent.first_party' | 'consent.denied';

export interface IdpAuditEvent {
  action: IdpAuditAction;
  /** The account's id when known (`actor_id`). */
  accountId?: string | null;
  customerId?: number | null;
  clientId?: string | null;
  /** Never an e-mail address, name or password: reasons, scopes, addresses of the request. */
  metadata?: Record<string, unknown>;
}

/** One row in `audit_events`: who did what, through which partner. */
export async function recordAuditEvent(sequelize: Sequelize, event: IdpAuditEvent, transaction?: Transaction): Promise<void> {
  await sequelize.query(
    `insert into audit_events (actor_type, actor_id, customer_id, action, subject_type, subject_id, client_id, metadata)
     values (:actorType, :actorId, :customerId, :action, :subjectType, :subjectId, :clientId, cast(:metadata as jsonb))`,
    {
      replacements: {
        actorType: event.accountId ? 'customer' : 'system',
        actorId: event.accountId ?? null,
        customerId: event.customerId ?? null,
        action: event.action,
        subjectType: event.accountId ? 'account' : null,
        subjectId: event.accountId ?? null,
        clientId: event.clientId ?? null,
        metadata: JSON.stringify(event.metadata ?? {}),
      },
      transaction: transaction ?? null,
    },
  );
}
