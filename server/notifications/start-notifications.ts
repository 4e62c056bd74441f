import type { Sequelize } from 'sequelize';
import type { Logger } from '../../common/http/logger.ts';
import { startMailSink, type MailSink } from './dev-mail-sink.ts';
import { createNotificationSender, createTransport } from './mailer.ts';
import { OutboxWorker } from './outbox-worker.ts';

export interface NotificationService {
  worker: OutboxWorker;
  /** The embedded development mail sink, when no SMTP_URL was given. */
  sink: MailSink | null;
  close(): Promise<void>;
}

/**
 * Outgoing e-mail: SMTP from SMTP_URL, or (development) an embedded SMTP sink whose mail
 * shows at /dev/mail. Starts the outbox worker of this process.
 */
export async function startNotifications(options: {
  sequelize: Sequelize;
  smtpUrl: string | null;
  logger: Logger;
  pollIntervalMs?: number;
}): Promise<NotificationService> {
  const sink = options.smtpUrl ? null : await startMailSink();
  const transport = createTransport({ smtpUrl: options.smtpUrl ?? `smtp://127.0.0.1:${sink!.port}` });
  const worker = new OutboxWorker({
    sequelize: options.sequelize,
    send: createNotificationSender(transport),
    logger: options.logger,
    pollIntervalMs: options.pollIntervalMs,
  });
  worker.start();
  return {
    worker,
    sink,
    async close() {
      await worker.stop();
      transport.close();
      await sink?.close();
    },
  };
}
