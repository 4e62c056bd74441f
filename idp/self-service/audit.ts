import type { Sequelize, Transaction } from 'sequelize';

/**
 * The self-service audit events. Ids only: the metadata never carries a name, an e-mail
 * address, a birth date or a token (the customer is the `customer_id` column).
 */
export type SelfServiceAction =
  | 'account.registered'
  | 'account.registration_attempt_existing'
  | 'account.email_verified'
  | 'account.opened_notice_sent'
  | 'account.password_reset'
  | 'account.sessions_revoked';

export async function recordAudit(
  sequelize: Sequelize,
  transaction: Transaction,
  event: {
    action: SelfServiceAction;
    customerId: number;
    accountId: string;
    /** False when whoever acted is not known to be the account's owner (a registration attempt). */
    byOwner?: boolean;
    metadata?: Record<string, unknown>;
  },
): Promise<void> {
  await sequelize.query(
    `insert into audit_events (actor_type, actor_id, customer_id, action, subject_type, subject_id, metadata)
     values ('customer', :actorId, :customerId, :action, 'account', :accountId, :metadata)`,
    {
      replacements: {
        actorId: event.byOwner === false ? null : event.accountId,
        accountId: event.accountId,
        customerId: event.customerId,
        action: event.action,
        metadata: JSON.stringify(event.metadata ?? {}),
      },
      transaction,
    },
  );
}
