import type { Sequelize, Transaction } from 'sequelize';
import { insertRows } from '../../db/insert-rows.ts';
import type { CustomerActor } from '../../kernel/context.ts';

/**
 * Audit events of the mailbox and the profile. Ids, codes and field names only: never a value
 * the customer typed, a name, an address or a phone number.
 */
export type MailboxAuditAction = 'document.opened' | 'document.downloaded' | 'profile.changed';

export interface MailboxAuditEvent {
  action: MailboxAuditAction;
  subjectType: 'document' | 'customer';
  subjectId: string | number;
  metadata?: Record<string, unknown>;
}

const COLUMNS = ['actor_type', 'actor_id', 'customer_id', 'action', 'subject_type', 'subject_id', 'client_id', 'metadata'] as const;

export async function recordMailboxAudit(sequelize: Sequelize, transaction: Transaction | null, actor: CustomerActor, event: MailboxAuditEvent): Promise<void> {
  await insertRows(
    sequelize,
    transaction,
    'audit_events',
    COLUMNS,
    [
      [
        'customer',
        actor.actorId ?? null,
        actor.customerId,
        event.action,
        event.subjectType,
        String(event.subjectId),
        actor.clientId ?? null,
        JSON.stringify(event.metadata ?? {}),
      ],
    ],
    { casts: { metadata: 'jsonb' } },
  );
}
