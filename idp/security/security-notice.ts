import type { Sequelize, Transaction } from 'sequelize';
import type { IdpPorts, SecurityEvent } from '../ports.ts';
import type { AccountRecord } from '../accounts/find-account.ts';

/**
 * Every account-security change leaves two traces, in the caller's transaction: an audit event
 * `account.<event>` (ids and counts only, never a code, a key or an address) and one
 * `security_notice` e-mail in the customer's language, so a change made by someone else is
 * noticed. The e-mail links to the security page, where the customer can undo it.
 */
export async function recordSecurityEvent(
  sequelize: Sequelize,
  ports: Pick<IdpPorts, 'queueEmail'>,
  transaction: Transaction,
  input: {
    account: Pick<AccountRecord, 'id' | 'customerId' | 'username' | 'language'>;
    event: SecurityEvent;
    publicUrl: URL;
    metadata?: Record<string, unknown>;
  },
): Promise<void> {
  const { account } = input;
  await sequelize.query(
    `insert into audit_events (actor_type, actor_id, customer_id, action, subject_type, subject_id, metadata)
     values ('customer', :accountId, :customerId, :action, 'account', :accountId, cast(:metadata as jsonb))`,
    {
      replacements: { accountId: account.id, customerId: account.customerId, action: `account.${input.event}`, metadata: JSON.stringify(input.metadata ?? {}) },
      transaction,
    },
  );
  await ports.queueEmail(transaction, {
    customerId: account.customerId,
    to: account.username,
    template: 'security_notice',
    language: account.language,
    data: { event: input.event, occurredAt: new Date().toISOString(), securityUrl: `${input.publicUrl.origin}/account/security?lang=${account.language}` },
  });
}
