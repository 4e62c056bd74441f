import { randomUUID } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import type { TemplateData, TemplateName } from './templates/index.ts';

/**
 * The transactional outbox: a notification is a row written in the SAME transaction as the
 * document, token or payment that causes it, so either both exist or neither. The worker
 * (./outbox-worker.ts) sends it later; the Message-ID is fixed here, so a resend after a crash
 * is recognisable as the same message.
 */
export interface OutboxMessage<K extends TemplateName = TemplateName> {
  customerId: number | null;
  to: string;
  template: K;
  language: 'hu' | 'en';
  data: TemplateData[K];
}

/** The domain of generated Message-IDs: the portal's host name. */
export const messageIdDomain = (publicUrl: URL) => publicUrl.hostname;

export async function enqueueNotification<K extends TemplateName>(
  sequelize: Sequelize,
  transaction: Transaction | null,
  message: OutboxMessage<K>,
  messageIdDomain: string,
): Promise<string> {
  const id = randomUUID();
  await sequelize.query(
    `insert into notifications (id, customer_id, to_address, template, language, data, message_id)
     values (:id, :customerId, :to, :template, :language, :data, :messageId)`,
    {
      replacements: {
        id,
        customerId: message.customerId,
        to: message.to,
        template: message.template,
        language: message.language,
        data: JSON.stringify(message.data),
        messageId: `<${id}@${messageIdDomain}>`,
      },
      transaction,
    },
  );
  return id;
}
