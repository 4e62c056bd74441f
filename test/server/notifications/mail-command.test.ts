import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../support/database.ts';
import { startMailSink, type MailSink } from '../../../server/notifications/dev-mail-sink.ts';
import { createNotificationSender, createTransport } from '../../../server/notifications/mailer.ts';
import { enqueueNotification } from '../../../server/notifications/outbox.ts';
import { OutboxWorker } from '../../../server/notifications/outbox-worker.ts';
import { silentLogger } from '../../../common/http/logger.ts';
import { CliError } from '../../../server/cli/cli-error.ts';
import { commands } from '../../../server/cli/commands/index.ts';
import { parseMailArgs, runMailCommand, type MailRequest } from '../../../server/cli/commands/mail.ts';
import { documentNotification } from './fixtures.ts';
import { maskedAddress } from '../../../server/notifications/templates/format.ts';

/** `portal mail`, in process, against the test database, with a real SMTP server (down, then up). */
const db = useTestDatabase();
let sink: MailSink;

beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(() => sink.close());
beforeEach(async () => {
  await db.sequelize.query('delete from notifications');
});

async function mail(request: MailRequest): Promise<string> {
  const out: string[] = [];
  await runMailCommand(request, { sequelize: db.sequelize, actorId: 'cli:test', stdout: { write: (chunk: string) => out.push(chunk) } });
  return out.join('');
}

/** A worker that gives up after one try, against `port`; drains what is due. */
async function deliverOnce(port: number): Promise<void> {
  const transport = createTransport({ smtpUrl: `smtp://127.0.0.1:${port}` });
  try {
    await new OutboxWorker({ sequelize: db.sequelize, send: createNotificationSender(transport), logger: silentLogger, maxAttempts: 1 }).drain();
  } finally {
    transport.close();
  }
}

/** Three notifications that failed for good (the mail server was down and the worker gave up). */
async function threeFailed(): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 1; n <= 3; n++) ids.push(await enqueueNotification(db.sequelize, null, documentNotification(n), 'portal.test'));
  const down = await startMailSink();
  await down.close();
  await deliverOnce(down.port);
  return ids.sort();
}

const statuses = async () =>
  (
    await db.sequelize.query<{ id: string; status: string; attempts: number }>('select id, status, attempts from notifications order by id', {
      type: QueryTypes.SELECT,
    })
  ).map((r) => `${r.id}:${r.status}:${r.attempts}`);

describe('portal mail', () => {
  it('is registered as a command', () => {
    expect(commands.mail?.summary).toMatch(/e-mail outbox/);
    expect(commands.mail?.usage).toContain('portal mail retry --all-failed');
  });

  it('refuses wrong arguments with exit code 2 and the usage, before touching the database', () => {
    const id = '0b3f6a52-0c36-4d1c-9d0e-5b0a6f1f2e01';
    const cases: [Record<string, string | boolean | undefined>, string[], RegExp][] = [
      [{}, [], /Missing the action/],
      [{}, ['resend'], /Unknown action "resend"/],
      [{}, ['status', 'now'], /Unexpected argument "now"/],
      [{ limit: '0' }, ['failed'], /--limit must be a whole number from 1 to 500/],
      [{ limit: '501' }, ['failed'], /--limit must be a whole number/],
      [{ limit: 'sok' }, ['failed'], /--limit must be a whole number/],
      [{ limit: '5' }, ['status'], /--limit applies to "failed" only/],
      [{}, ['retry'], /Which notifications\?/],
      [{}, ['retry', "1'; drop table notifications; --"], /is not a notification id/],
      [{ 'all-failed': true }, ['retry', id], /not both/],
      [{ 'all-failed': true }, ['failed'], /--all-failed applies to "retry" only/],
    ];
    for (const [values, positionals, message] of cases) {
      let error: unknown;
      try {
        parseMailArgs(values, positionals);
      } catch (caught) {
        error = caught;
      }
      expect(error, message.source).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
      expect((error as CliError).message).toMatch(message);
      expect((error as CliError).message).toContain('Usage:');
    }
    expect(parseMailArgs({}, ['retry', id.toUpperCase(), id])).toEqual({ action: 'retry', ids: [id] });
    expect(parseMailArgs({ limit: '20' }, ['failed'])).toEqual({ action: 'failed', limit: 20 });
  });

  it('status counts what waits, what went out and what failed', async () => {
    expect(await mail({ action: 'status' })).toMatch(/waiting, due now +0\n.*\n +oldest waiting +–\n +sent in the last 24 hours +0\n +failed +0\n$/);
    await threeFailed();
    await enqueueNotification(db.sequelize, null, documentNotification(9), 'portal.test');
    const status = await mail({ action: 'status' });
    expect(status).toMatch(/waiting, due now +1\n/);
    expect(status).toMatch(/oldest waiting +\d+ s\n/);
    expect(status).toMatch(/failed +3 \(see "portal mail failed"\)/);
  });

  it('failed lists them oldest first with the error kind, masked recipients and no other personal data', async () => {
    const ids = await threeFailed();
    const listed = await mail({ action: 'failed', limit: 2 });
    expect(listed).toContain('3 failed e-mails; the oldest 2:');
    expect(listed.match(/^ {2}[0-9a-f-]{36} {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}document_notification \(hu\)$/gm)).toHaveLength(2);
    expect(listed).toMatch(/to c•••••@example\.com, 1 try, last error: .*(ECONNREFUSED|ESOCKET|ECONNECTION)/);
    expect(listed).not.toContain('customer1@example.com');
    expect(ids.filter((id) => listed.includes(id))).toHaveLength(2);
    expect(await mail({ action: 'failed', limit: 50 })).toContain('3 failed e-mails:');
    // The same masking as the e-mails' own (a stored address that is none shows as dots).
    expect(maskedAddress('kovacs.anna@example.hu')).toBe('k•••••@example.hu');
    expect(maskedAddress('nonsense')).toBeNull();
  });

  it('retry puts the chosen failed e-mails back, the running worker delivers each once, and a sent one is never resent', async () => {
    const [first, second, third] = await threeFailed();
    const answer = await mail({ action: 'retry', ids: [first!, '0b3f6a52-0c36-4d1c-9d0e-5b0a6f1f2e01'] });
    expect(answer).toContain('1 e-mail back in the queue');
    expect(answer).toContain('left alone: 0b3f6a52-0c36-4d1c-9d0e-5b0a6f1f2e01');
    expect(await statuses()).toEqual([`${first}:pending:0`, `${second}:failed:1`, `${third}:failed:1`].sort());

    const before = sink.messages().length;
    await deliverOnce(sink.port);
    expect(sink.messages().length - before).toBe(1);
    expect(await statuses()).toEqual([`${first}:sent:1`, `${second}:failed:1`, `${third}:failed:1`].sort());

    // Retrying a sent one moves nothing; --all-failed takes the rest.
    expect(await mail({ action: 'retry', ids: [first!] })).toContain('0 e-mails back in the queue');
    expect(await mail({ action: 'retry', all: true })).toContain('2 e-mails back in the queue');
    await deliverOnce(sink.port);
    expect(sink.messages().length - before).toBe(3);
    expect(await mail({ action: 'failed', limit: 50 })).toBe('No failed e-mails.\n');

    const audit = await db.sequelize.query<{ subject_id: string; actor_type: string; actor_id: string }>(
      `select subject_id, actor_type, actor_id from audit_events where action = 'notification.retried' and subject_id in (:ids) order by id`,
      { replacements: { ids: [first, second, third] }, type: QueryTypes.SELECT },
    );
    expect(audit.map((a) => a.subject_id).sort()).toEqual([first, second, third].sort());
    expect(audit.every((a) => a.actor_type === 'operator' && a.actor_id === 'cli:test')).toBe(true);
  });
});
