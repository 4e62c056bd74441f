import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sequelize } from 'sequelize';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../support/database.ts';
import { startMailSink, type MailSink } from '../../../server/notifications/dev-mail-sink.ts';
import { createNotificationSender, createTransport } from '../../../server/notifications/mailer.ts';
import { enqueueNotification } from '../../../server/notifications/outbox.ts';
import { documentNotification } from './fixtures.ts';
import { OutboxWorker, type SendNotification } from '../../../server/notifications/outbox-worker.ts';
import { silentLogger } from '../../../common/http/logger.ts';
import { openDatabase } from '../../../server/db/database.ts';

const db = useTestDatabase();
let sink: MailSink;

beforeAll(async () => {
  sink = await startMailSink({ keep: 5000 });
});
afterAll(async () => {
  await sink.close();
});
beforeEach(async () => {
  await db.sequelize.query('delete from notifications');
});

function worker(sequelize: Sequelize, port: number, extra: Partial<ConstructorParameters<typeof OutboxWorker>[0]> = {}) {
  const transport = createTransport({ smtpUrl: `smtp://127.0.0.1:${port}` });
  return {
    transport,
    worker: new OutboxWorker({ sequelize, send: createNotificationSender(transport), logger: silentLogger, ...extra }),
  };
}

async function rows() {
  return db.sequelize.query<{ id: string; status: string; attempts: number; message_id: string; last_error: string | null }>(
    'select id, status, attempts, message_id, last_error from notifications order by created_at',
    { type: QueryTypes.SELECT },
  );
}

const receivedFor = (messageId: string) => sink.messages().filter((m) => m.messageId === messageId);

describe('the notification outbox', () => {
  it('sends nothing for a transaction that rolled back, and the committed one exactly once', async () => {
    const t = await db.sequelize.transaction();
    await enqueueNotification(db.sequelize, t, documentNotification(1), 'portal.test');
    await t.rollback();
    await db.sequelize.transaction((tx) => enqueueNotification(db.sequelize, tx, documentNotification(2), 'portal.test'));

    const before = sink.messages().length;
    const { worker: w, transport } = worker(db.sequelize, sink.port);
    expect(await w.drain()).toBe(1);
    transport.close();

    const [row] = await rows();
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    const mails = receivedFor(row!.message_id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Díjbekérő');
    expect(mails[0]!.text).toContain('10000002');
    expect(sink.messages().length - before).toBe(1);
  });

  it('keeps notifications while the SMTP server is down and delivers each once when it is back', async () => {
    for (let n = 0; n < 5; n++) await enqueueNotification(db.sequelize, null, documentNotification(100 + n), 'portal.test');
    // A real SMTP server that is down: nothing listens on its port.
    const down = await startMailSink();
    const port = down.port;
    await down.close();

    const { worker: w, transport } = worker(db.sequelize, port, { backoffSeconds: () => 0 });
    const first = await w.runOnce();
    expect(first).toMatchObject({ claimed: 5, sent: 0, failed: 5 });
    for (const row of await rows()) {
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      expect(row.last_error).not.toContain('@');
    }

    const back = await startMailSink({ port });
    try {
      expect(await w.drain()).toBe(5);
      await w.drain();
      const delivered = back.messages().map((m) => m.messageId);
      expect(delivered).toHaveLength(5);
      expect(new Set(delivered).size).toBe(5);
      for (const row of await rows()) expect(row.status).toBe('sent');
    } finally {
      transport.close();
      await back.close();
    }
  });

  it('loses nothing when a worker dies between claiming and sending', async () => {
    const id = await enqueueNotification(db.sequelize, null, documentNotification(200), 'portal.test');
    // This worker claims the row and then never finishes (as if its process were killed).
    const hang: SendNotification = () => new Promise(() => {});
    const dying = new OutboxWorker({ sequelize: db.sequelize, send: hang, logger: silentLogger, leaseSeconds: 1 });
    void dying.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [claimed] = await rows();
    expect(claimed).toMatchObject({ id, status: 'pending', attempts: 1 });

    const { worker: survivor, transport } = worker(db.sequelize, sink.port);
    expect(await survivor.drain()).toBe(0); // still leased to the dead worker
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await survivor.drain()).toBe(1);
    transport.close();
    expect(receivedFor(claimed!.message_id)).toHaveLength(1);
  });

  it('gives up after the last attempt into a visible failed state, and at once on data a template refuses', async () => {
    await enqueueNotification(db.sequelize, null, documentNotification(300), 'portal.test');
    const refuse: SendNotification = async () => {
      throw Object.assign(new Error('mailbox unavailable'), { responseCode: 451 });
    };
    const failing = new OutboxWorker({ sequelize: db.sequelize, send: refuse, logger: silentLogger, maxAttempts: 3, backoffSeconds: () => 0 });
    for (let i = 0; i < 5; i++) await failing.runOnce();
    const [transient] = await rows();
    expect(transient).toMatchObject({ status: 'failed', attempts: 3 });
    expect(transient!.last_error).toContain('451');

    const broken = { ...documentNotification(301), data: { ...documentNotification(301).data, loginUrl: 'javascript:alert(1)' } };
    await enqueueNotification(db.sequelize, null, broken, 'portal.test');

    const { worker: w, transport } = worker(db.sequelize, sink.port);
    await w.drain();
    transport.close();
    const [, permanent] = await rows();
    expect(permanent).toMatchObject({ status: 'failed', attempts: 1 });
    expect(permanent!.last_error).toContain('ETEMPLATEDATA');
  });

  it('delivers hostile values escaped in the HTML part, over real SMTP', async () => {
    const hostile = '<script>alert(1)</script>';
    await enqueueNotification(
      db.sequelize,
      null,
      {
        customerId: null,
        to: 'customer@example.com',
        template: 'payment_receipt',
        language: 'en',
        data: {
          customerNumber: '10204460',
          amount: 12_500,
          paidAt: '2026-11-24T10:00:00Z',
          paymentReference: hostile,
          invoices: [{ number: 'SZ-1', amount: 12_500 }],
          documentUrl: 'http://localhost:3000/?view=levelezes&document=abc',
        },
      },
      'portal.test',
    );
    const { worker: w, transport } = worker(db.sequelize, sink.port);
    await w.drain();
    transport.close();
    const [row] = await rows();
    const [mail] = receivedFor(row!.message_id);
    expect(mail!.html).not.toContain('<script>');
    expect(mail!.html).toContain('&lt;script&gt;');
    expect(mail!.text).toContain('10204460');
  });

  it('two workers on one database deliver 1,000 notifications with no duplicate', async () => {
    const values = Array.from({ length: 1000 }, (_, n) => documentNotification(1000 + n));
    await db.sequelize.transaction(async (transaction) => {
      for (const value of values) await enqueueNotification(db.sequelize, transaction, value, 'portal.test');
    });
    // On PostgreSQL the second worker has its own connection pool, as a second process would.
    const second = db.url ? await openDatabase({ databaseUrl: db.url, dataDir: '', poolMax: 5 }) : null;
    const before = sink.messages().length;
    const a = worker(db.sequelize, sink.port, { batchSize: 25 });
    const b = worker(second?.sequelize ?? db.sequelize, sink.port, { batchSize: 25 });
    try {
      const [sentA, sentB] = await Promise.all([a.worker.drain(), b.worker.drain()]);
      expect(sentA + sentB).toBe(1000);
      if (second) expect(Math.min(sentA, sentB)).toBeGreaterThan(0);
    } finally {
      a.transport.close();
      b.transport.close();
      await second?.close();
    }
    const received = sink
      .messages()
      .slice(before)
      .map((m) => m.messageId);
    expect(received).toHaveLength(1000);
    expect(new Set(received).size).toBe(1000);
    const [{ sent }] = (await db.sequelize.query<{ sent: string }>(`select count(*) as sent from notifications where status = 'sent'`, {
      type: QueryTypes.SELECT,
    })) as [{ sent: string }];
    expect(Number(sent)).toBe(1000);
  }, 120_000);
});
