import { QueryTypes, type Sequelize } from 'sequelize';
import type { Logger } from '../../common/http/logger.ts';
import type { Language } from '../../common/language.ts';

/** One claimed outbox row, as the sender needs it. */
export interface ClaimedNotification {
  id: string;
  customerId: number | null;
  to: string;
  template: string;
  language: Language;
  data: Record<string, unknown>;
  messageId: string;
  attempts: number;
}

export type SendNotification = (notification: ClaimedNotification) => Promise<void>;

export interface OutboxWorkerOptions {
  sequelize: Sequelize;
  send: SendNotification;
  logger: Logger;
  batchSize?: number;
  /** Parallel sends within a batch. */
  concurrency?: number;
  /** How long a claim holds a row; must exceed the slowest send. A crashed worker's rows return after it. */
  leaseSeconds?: number;
  maxAttempts?: number;
  /** Back-off before attempt n+1 (seconds). */
  backoffSeconds?: (attempts: number) => number;
  pollIntervalMs?: number;
}

/** 10 s, 40 s, 2.5 min, 10 min … capped at one hour. */
export const defaultBackoff = (attempts: number) => Math.min(3600, 10 * 4 ** Math.max(0, attempts - 1));

/**
 * Sends what the outbox holds. Rows are claimed with `FOR UPDATE SKIP LOCKED` and a lease (the
 * row's next attempt moves past the send), committed at once, and sent OUTSIDE any lock; so
 * several workers in several processes never take the same row, and a worker that dies
 * mid-send loses nothing: its lease lapses and another worker retries with the same Message-ID.
 */
export class OutboxWorker {
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly leaseSeconds: number;
  private readonly maxAttempts: number;
  private readonly backoff: (attempts: number) => number;
  private readonly pollIntervalMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.batchSize = options.batchSize ?? 50;
    this.concurrency = options.concurrency ?? 5;
    this.leaseSeconds = options.leaseSeconds ?? 120;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoff = options.backoffSeconds ?? defaultBackoff;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  /** Claims one batch and sends it; returns how many were sent and how many failed. */
  async runOnce(): Promise<{ sent: number; failed: number; claimed: number }> {
    const batch = await this.claim();
    let sent = 0;
    let failed = 0;
    for (let i = 0; i < batch.length; i += this.concurrency) {
      const results = await Promise.allSettled(batch.slice(i, i + this.concurrency).map((n) => this.options.send(n)));
      // Record outcomes one by one: on the embedded database the pool has a single connection.
      for (const [index, result] of results.entries()) {
        const notification = batch[i + index]!;
        if (result.status === 'fulfilled') {
          await this.markSent(notification);
          sent += 1;
        } else {
          await this.markFailedAttempt(notification, result.reason);
          failed += 1;
        }
      }
    }
    return { sent, failed, claimed: batch.length };
  }

  /** Runs until every due notification is handled (tests, the bulk command). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { claimed, sent } = await this.runOnce();
      total += sent;
      if (claimed === 0) return total;
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async () => {
      this.running = this.drain().catch((error) => this.options.logger.error('outbox_poll_failed', { error }));
      await this.running;
      this.running = null;
      if (!this.stopped) this.timer = setTimeout(tick, this.pollIntervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async claim(): Promise<ClaimedNotification[]> {
    const rows = await this.options.sequelize.query<{
      id: string;
      customer_id: number | null;
      to_address: string;
      template: string;
      language: Language;
      data: Record<string, unknown>;
      message_id: string;
      attempts: number;
    }>(
      `with due as (
         select id from notifications
         where status = 'pending' and next_attempt_at <= now()
         order by next_attempt_at
         limit :limit
         for update skip locked
       )
       update notifications n
          set attempts = n.attempts + 1,
              next_attempt_at = now() + make_interval(secs => :lease)
         from due where n.id = due.id
       returning n.id, n.customer_id, n.to_address, n.template, n.language, n.data, n.message_id, n.attempts`,
      { replacements: { limit: this.batchSize, lease: this.leaseSeconds }, type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      to: r.to_address,
      template: r.template,
      language: r.language,
      data: r.data,
      messageId: r.message_id,
      attempts: r.attempts,
    }));
  }

  private async markSent(notification: ClaimedNotification): Promise<void> {
    await this.options.sequelize.query(`update notifications set status = 'sent', sent_at = now(), last_error = null where id = :id and status = 'pending'`, {
      replacements: { id: notification.id },
    });
  }

  private async markFailedAttempt(notification: ClaimedNotification, reason: unknown): Promise<void> {
    // Keep the error's kind and SMTP code only: the message may quote the recipient's address.
    const error = describeSendError(reason);
    // Data a template refuses will not improve with time: no retries for it.
    const giveUp = notification.attempts >= this.maxAttempts || isPermanentSendError(reason);
    await this.options.sequelize.query(
      `update notifications
          set status = case when :giveUp then 'failed' else status end,
              next_attempt_at = now() + make_interval(secs => :delay),
              last_error = :error
        where id = :id and status = 'pending'`,
      { replacements: { id: notification.id, giveUp, delay: this.backoff(notification.attempts), error } },
    );
    this.options.logger.warn(giveUp ? 'notification_failed' : 'notification_retry', {
      notificationId: notification.id,
      attempts: notification.attempts,
      error,
    });
  }
}

/** An error marked `permanent` (bad template data, unknown template) or an SMTP 5xx refusal. */
export function isPermanentSendError(reason: unknown): boolean {
  if (!reason || typeof reason !== 'object') return false;
  const e = reason as { permanent?: unknown; responseCode?: unknown };
  return e.permanent === true || (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600);
}

export function describeSendError(reason: unknown): string {
  if (reason && typeof reason === 'object') {
    const e = reason as { code?: unknown; responseCode?: unknown; name?: unknown };
    const parts = [e.name, e.code, e.responseCode].filter((p) => p !== undefined && p !== null).map(String);
    if (parts.length) return parts.join(' ').slice(0, 200);
  }
  return 'send_failed';
}
