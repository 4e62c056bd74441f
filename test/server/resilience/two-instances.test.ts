import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { useTestDatabase } from '../../support/database.ts';
import { silentLogger } from '../../../common/http/logger.ts';
import { startMailSink, type MailSink } from '../../../server/notifications/dev-mail-sink.ts';
import { startNotifications, type NotificationService } from '../../../server/notifications/start-notifications.ts';
import { enqueueNotifications } from '../../../server/notifications/outbox.ts';
import { documentNotification } from '../notifications/fixtures.ts';
import { api, Browser, BROKER_ORIGIN, COMPANY, loginSession, PERSON } from '../api/session/harness.ts';
import { formAction } from '../../idp/provider-harness.ts';
import { startTcpProxy, type TcpProxy, useTwoInstances } from './support.ts';

/**
 * Two processes of the product on ONE database, as a deployment runs them behind a load
 * balancer: the same PUBLIC_URL, SESSION_KEYS and IdP keys, nothing else in common. On real
 * PostgreSQL each instance has its own connection pool, as a second process would.
 */
const db = useTestDatabase();
const deployment = useTwoInstances(db, { customers: 8 });

const served = (name: string) => deployment.served(name);

describe('two instances on one database', () => {
  it('serves a session opened through instance A from instance B, with the same data', async () => {
    deployment.lb.route = 'A';
    const before = served('B');
    const { session } = await loginSession(deployment.portal, { origin: deployment.portal.origin, clientId: 'portal', user: PERSON });
    expect(served('B')).toBe(before); // the whole login went to A

    const viaA = await api(deployment.portal, '/api/policies', { origin: deployment.portal.origin, session });
    expect(viaA.response.headers.get('x-served-by')).toBe('A');
    expect(viaA.response.status).toBe(200);
    expect(viaA.json.items.length).toBeGreaterThan(0);

    deployment.lb.route = 'B';
    const viaB = await api(deployment.portal, '/api/policies', { origin: deployment.portal.origin, session });
    expect(viaB.response.headers.get('x-served-by')).toBe('B');
    expect(viaB.response.status).toBe(200);
    expect(viaB.json).toEqual(viaA.json);

    // A change made through B is what A shows.
    const changed = await api(deployment.portal, '/api/me', { method: 'PATCH', origin: deployment.portal.origin, session, body: { phone: '+36 30 765 4321' } });
    expect(changed.response.status).toBe(200);
    deployment.lb.route = 'A';
    const profile = await api(deployment.portal, '/api/me', { origin: deployment.portal.origin, session });
    expect(profile.response.headers.get('x-served-by')).toBe('A');
    expect(profile.json.phone).toBe(changed.json.profile.phone);
  }, 60_000);

  it('completes a login whose every step lands on the other instance', async () => {
    deployment.lb.route = 'round-robin';
    const [a, b] = [served('A'), served('B')];
    const { session } = await loginSession(deployment.portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON });
    expect(served('A') - a).toBeGreaterThan(2);
    expect(served('B') - b).toBeGreaterThan(2);
    for (const name of ['A', 'B']) {
      deployment.lb.route = name;
      const policies = await api(deployment.portal, '/api/policies', { origin: BROKER_ORIGIN, session });
      expect(policies.response.status).toBe(200);
      expect(policies.response.headers.get('x-served-by')).toBe(name);
    }
  }, 60_000);

  it('throttles on B a login that was throttled on A', async () => {
    deployment.lb.route = 'A';
    const start = await api(deployment.portal, '/api/session/login', { origin: deployment.portal.origin, body: { clientId: 'portal', mode: 'popup' } });
    expect(start.response.status).toBe(200);
    const browser = new Browser(deployment.portal.origin);
    let page = await browser.follow(await browser.request(start.json.authorizationUrl as string));
    let html = await page.response.text();
    expect(page.response.status).toBe(200);

    const attempt = async (password: string) => {
      const response = await browser.request(formAction(html), { form: { email: COMPANY.username, password } });
      html = await response.text();
      return response;
    };
    // Wrong passwords on A up to the per-account limit: each is refused, none throttled yet.
    for (let i = 0; i < 5; i++) {
      const response = await attempt(`wrong-password-${i}`);
      expect(response.headers.get('x-served-by')).toBe('A');
      expect(response.status).toBe(400);
    }
    // The next attempt lands on B — with the right password — and B refuses it as throttled.
    deployment.lb.route = 'B';
    const throttled = await attempt(COMPANY.password);
    expect(throttled.headers.get('x-served-by')).toBe('B');
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    const again = await attempt('still-wrong');
    expect(again.status).toBe(429);
    // Another account on B is not affected (the limit is per account, counted in PostgreSQL).
    const fresh = new Browser(deployment.portal.origin);
    const startOther = await api(deployment.portal, '/api/session/login', { origin: deployment.portal.origin, body: { clientId: 'portal', mode: 'popup' } });
    page = await fresh.follow(await fresh.request(startOther.json.authorizationUrl as string));
    const loginPage = await page.response.text();
    const response = await fresh.request(formAction(loginPage), { form: { email: PERSON.username, password: 'wrong-once' } });
    expect(response.headers.get('x-served-by')).toBe('B');
    expect(response.status).toBe(400);
  }, 60_000);
});

async function notificationRows(sequelize: Sequelize) {
  return sequelize.query<{ message_id: string; to_address: string; status: string; attempts: number; last_error: string | null }>(
    `select message_id, to_address, status, attempts, last_error from notifications where to_address like 'customer%@example.com'`,
    { type: QueryTypes.SELECT },
  );
}

async function until(condition: () => Promise<boolean> | boolean, what: string, limitMs = 90_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the outbox workers of two instances', () => {
  let sink: MailSink;
  let smtp: TcpProxy;
  let services: NotificationService[] = [];

  beforeAll(async () => {
    sink = await startMailSink({ keep: 5000 });
    // The mail server is reached through a proxy, so that it can go away and come back.
    smtp = await startTcpProxy({ host: '127.0.0.1', port: sink.port });
    services = [
      await startNotifications({ sequelize: db.sequelize, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, logger: silentLogger, pollIntervalMs: 100 }),
      await startNotifications({
        sequelize: deployment.secondSequelize,
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        logger: silentLogger,
        pollIntervalMs: 100,
      }),
    ];
  }, 60_000);

  afterAll(async () => {
    for (const service of services) await service.close();
    await smtp?.close();
    await sink?.close();
  });

  it('deliver every notification exactly once, also when the mail server goes away in the middle of a bulk and comes back', async () => {
    await db.sequelize.query(`delete from notifications where to_address like 'customer%@example.com'`);
    const firstBulk = Array.from({ length: 150 }, (_, n) => documentNotification(n));
    const secondBulk = Array.from({ length: 50 }, (_, n) => documentNotification(1000 + n));
    const total = firstBulk.length + secondBulk.length;

    // Both workers are polling; the first bulk arrives in one transaction.
    await db.sequelize.transaction((transaction) => enqueueNotifications(db.sequelize, transaction, firstBulk, 'portal.test'));
    await until(() => sink.messages().length >= 30, 'the first e-mails');

    // The mail server goes away mid-bulk; more notifications are queued while it is away.
    await smtp.cut();
    await enqueueNotifications(db.sequelize, null, secondBulk, 'portal.test');
    await until(async () => (await notificationRows(db.sequelize)).some((r) => r.last_error !== null), 'a failed attempt while SMTP is down');
    const deliveredDuringOutage = sink.messages().length;
    expect(deliveredDuringOutage).toBeLessThan(total);

    smtp.restore();
    await sink.waitFor(total, 120_000);
    await until(async () => (await notificationRows(db.sequelize)).every((r) => r.status === 'sent'), 'every row marked sent');

    const rows = await notificationRows(db.sequelize);
    expect(rows).toHaveLength(total);
    const received = sink.messages();
    // Exactly once: as many e-mails as rows, one per Message-ID and one per recipient.
    expect(received).toHaveLength(total);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(total);
    expect(new Set(received.map((m) => m.messageId))).toEqual(new Set(rows.map((r) => r.message_id)));
    expect(received.map((m) => m.envelopeTo.join(',')).sort()).toEqual(rows.map((r) => r.to_address).sort());
    // The outage was real: some notifications needed a second attempt.
    expect(rows.some((r) => r.attempts > 1)).toBe(true);
  }, 180_000);
});
