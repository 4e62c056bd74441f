import { randomUUID } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import type { TemplateData, TemplateName } from './templates/index.ts';
import { insertRows } from '../db/insert-rows.ts';
import type { Language } from '../../common/language.ts';

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
  language: Language;
  data: TemplateData[K];
}

/** The domain of generated Message-IDs: the portal's host name. */
export const messageIdDomain = (publicUrl: URL) => publicUrl.hostname;

const COLUMNS = ['id', 'customer_id', 'to_address', 'template', 'language', 'data', 'message_id'] as const;

export async function enqueueNotification<K extends TemplateName>(
  sequelize: Sequelize,
  transaction: Transaction | null,
  message: OutboxMessage<K>,
  messageIdDomain: string,
): Promise<string> {
  const [id] = await enqueueNotifications(sequelize, transaction, [message], messageIdDomain);
  return id!;
}

/** Many at once (bulk document runs): one multi-row INSERT, the same rows as one by one. */
export async function enqueueNotifications(
  sequelize: Sequelize,
  transaction: Transaction | null,
  messages: readonly OutboxMessage[],
  messageIdDomain: string,
): Promise<string[]> {
  const ids = messages.map(() => randomUUID());
  const rows = messages.map((m, i) => [ids[i], m.customerId, m.to, m.template, m.language, JSON.stringify(m.data), `<${ids[i]}@${messageIdDomain}>`]);
  await insertRows(sequelize, transaction, 'notifications', COLUMNS, rows, { casts: { data: 'jsonb' } });
  return ids;
}
