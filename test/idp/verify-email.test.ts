import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { seedDemoData } from '../../server/seed/index.ts';
import { startMailSink, type MailSink } from '../../server/notifications/dev-mail-sink.ts';
import { createNotificationSender, createTransport } from '../../server/notifications/mailer.ts';
import { OutboxWorker } from '../../server/notifications/outbox-worker.ts';
import { silentLogger } from '../../common/http/logger.ts';
import { useTestDatabase } from '../support/database.ts';
import {
  codes,
  count,
  pageName,
  createHarness,
  freeCustomers,
  notificationsTo,
  pathOf,
  personForm,
  sha256,
  tokenOf,
  type FreeCustomer,
  type Harness,
} from './register-harness.ts';
import { testPartnerSecrets } from '../support/partner-secrets.ts';

const db = useTestDatabase();
let h: Harness;
let sink: MailSink;
let customers: FreeCustomer[];
let next = 0;

beforeAll(async () => {
  await seedDemoData(db.sequelize, testPartnerSecrets);
  h = await createHarness(db.sequelize);
  sink = await startMailSink();
  customers = await freeCustomers(db.sequelize, 'person', 10);
}, 120_000);
beforeEach(async () => {
  await db.sequelize.query('delete from rate_limits');
});
afterAll(async () => {
  await sink?.close();
});

/** Registers the next free customer; returns its account and the link from the queued e-mail. */
async function register(email: string, options: { lang?: 'hu' | 'en'; clearContactEmail?: boolean } = {}) {
  const customer = customers[next++]!;
  if (options.clearContactEmail) await db.sequelize.query('update customers set email = null where id = :id', { replacements: { id: customer.id } });
  const res = await h.post(`/account/register?lang=${options.lang ?? 'hu'}`, personForm(customer, email));
  expect(codes(await res.text())).toEqual(['check_inbox']);
  const [mail] = await notificationsTo(db.sequelize, email, 'verify_email');
  const [account] = await db.sequelize.query<{ id: string }>('select id from accounts where customer_id = :id', {
    replacements: { id: customer.id },
    type: QueryTypes.SELECT,
  });
  return { customer, accountId: account!.id, link: mail!.data.verifyUrl! };
}

async function verifiedAt(accountId: string): Promise<Date | null> {
  const [row] = await db.sequelize.query<{ email_verified_at: Date | null }>('select email_verified_at from accounts where id = :id', {
    replacements: { id: accountId },
    type: QueryTypes.SELECT,
  });
  return row!.email_verified_at;
}

async function contactEmail(customerId: number): Promise<string | null> {
  const [row] = await db.sequelize.query<{ email: string | null }>('select email from customers where id = :id', {
    replacements: { id: customerId },
    type: QueryTypes.SELECT,
  });
  return row!.email;
}

describe('e-mail verification', () => {
  it('a GET only shows the confirm button (link scanners fetch links); the POST verifies once', async () => {
    const { customer, accountId, link } = await register('first.verify@example.org', { clearContactEmail: true });
    const token = tokenOf(link);

    for (let i = 0; i < 2; i++) {
      const page = await h.get(pathOf(link));
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(codes(html)).toEqual([]);
      expect(pageName(html)).toBe('verify_confirm');
      expect(html).toContain(`<input type="hidden" name="token" value="${token}" />`);
    }
    expect(await verifiedAt(accountId)).toBeNull();

    const confirmed = await h.post('/account/verify-email', { token });
    expect(confirmed.status).toBe(200);
    const html = await confirmed.text();
    expect(codes(html)).toEqual(['email_verified']);
    expect(html).toContain('href="http://localhost:3000/"'); // "you can now log in", to the portal
    expect(await verifiedAt(accountId)).toBeInstanceOf(Date);
    // The customer had no contact address: the verified login address becomes it.
    expect(await contactEmail(customer.id)).toBe('first.verify@example.org');
    expect(await count(db.sequelize, `select 1 from audit_events where action = 'account.email_verified' and subject_id = :id`, { id: accountId })).toBe(1);

    const second = await h.post('/account/verify-email', { token });
    expect(second.status).toBe(400);
    const used = await second.text();
    expect(codes(used)).toEqual(['token_invalid']);
    expect(used).toContain('href="/account/verify-email/resend?lang=hu"');
    expect(codes(await (await h.get(pathOf(link))).text())).toEqual(['token_invalid']);
  });

  it('keeps a contact address the insurer already holds, and tells its owner once that an account was opened with another', async () => {
    const { customer, accountId, link } = await register('second.verify@example.org');
    const before = await contactEmail(customer.id);
    expect(before).toBeTruthy();
    expect(before).not.toBe('second.verify@example.org');
    expect(await notificationsTo(db.sequelize, before!, 'account_opened_notice')).toHaveLength(0); // not at registration: only once the account works
    expect((await h.post('/account/verify-email', { token: tokenOf(link) })).status).toBe(200);
    expect(await contactEmail(customer.id)).toBe(before);

    const [notice, ...more] = await notificationsTo(db.sequelize, before!, 'account_opened_notice');
    expect(more).toHaveLength(0);
    expect(notice).toMatchObject({ customer_id: customer.id, data: { customerNumber: customer.customerNumber, loginEmail: 'second.verify@example.org' } });
    expect(await count(db.sequelize, `select 1 from audit_events where action = 'account.opened_notice_sent' and subject_id = :id`, { id: accountId })).toBe(1);

    // A second confirmation (a new link, say) tells nobody again.
    const resent = await h.post('/account/verify-email/resend', { email: 'second.verify@example.org' });
    expect(resent.status).toBe(200);
    expect(await notificationsTo(db.sequelize, 'second.verify@example.org', 'verify_email')).toHaveLength(1); // already verified: no new link
    expect(await notificationsTo(db.sequelize, before!, 'account_opened_notice')).toHaveLength(1);
  });

  it('tells nobody when the account is opened with the very address on file', async () => {
    const customer = customers[next]!;
    const onFile = (await contactEmail(customer.id))!;
    const { link } = await register(onFile.toUpperCase());
    expect((await h.post('/account/verify-email', { token: tokenOf(link) })).status).toBe(200);
    expect(await notificationsTo(db.sequelize, onFile, 'account_opened_notice')).toHaveLength(0);
  });

  it('refuses an expired link, an unknown one and a malformed one with the same message', async () => {
    const { accountId, link } = await register('expired.verify@example.org');
    const token = tokenOf(link);
    await db.sequelize.query(`update account_tokens set expires_at = now() - interval '1 second' where token_hash = :hash`, {
      replacements: { hash: sha256(token) },
    });
    for (const candidate of [token, 'A'.repeat(43), 'not-a-token', '']) {
      const get = await h.get(`/account/verify-email?token=${encodeURIComponent(candidate)}`);
      expect(get.status).toBe(400);
      expect(codes(await get.text())).toEqual(['token_invalid']);
      const post = await h.post('/account/verify-email', { token: candidate });
      expect(post.status).toBe(400);
      expect(codes(await post.text())).toEqual(['token_invalid']);
    }
    expect(await verifiedAt(accountId)).toBeNull();
  });

  it('sends a new link on request, answering the same whether or not an unverified account has the address', async () => {
    const { link: oldLink } = await register('resend.verify@example.org', { lang: 'en' });
    const known = await h.post('/account/verify-email/resend?lang=en', { email: ' Resend.Verify@example.org ' });
    const unknown = await h.post('/account/verify-email/resend?lang=en', { email: 'nobody.here@example.org' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const knownHtml = await known.text();
    expect(codes(knownHtml)).toEqual(['verify_link_sent']);
    expect(await unknown.text()).toBe(knownHtml);

    const mails = await notificationsTo(db.sequelize, 'resend.verify@example.org', 'verify_email');
    expect(mails).toHaveLength(2);
    expect(await notificationsTo(db.sequelize, 'nobody.here@example.org')).toHaveLength(0);
    // Only the newest link works.
    expect((await h.post('/account/verify-email', { token: tokenOf(oldLink) })).status).toBe(400);
    expect((await h.post('/account/verify-email', { token: tokenOf(mails[1]!.data.verifyUrl!) })).status).toBe(200);

    // A verified account gets nothing more, and the answer is still the same.
    const again = await h.post('/account/verify-email/resend?lang=en', { email: 'resend.verify@example.org' });
    expect(await again.text()).toBe(knownHtml);
    expect(await notificationsTo(db.sequelize, 'resend.verify@example.org', 'verify_email')).toHaveLength(2);
  });

  it('delivers a working link: drained over real SMTP, followed from the received e-mail’s text', async () => {
    const email = 'smtp.verify@example.org';
    const { accountId } = await register(email, { lang: 'en' });
    const transport = createTransport({ smtpUrl: `smtp://127.0.0.1:${sink.port}` });
    try {
      const worker = new OutboxWorker({ sequelize: db.sequelize, send: createNotificationSender(transport), logger: silentLogger });
      await worker.drain();
    } finally {
      transport.close();
    }
    const received = sink.messages().filter((m) => m.envelopeTo.includes(email));
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe('Confirm your e-mail address');
    const link = /https?:\/\/\S+\/account\/verify-email\?\S+/.exec(received[0]!.text)?.[0];
    expect(link).toBeDefined();
    expect(new URL(link!).origin).toBe('http://localhost:3000');

    const page = await h.get(pathOf(link!));
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(pageName(html)).toBe('verify_confirm');
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
    expect(codes(await (await h.post('/account/verify-email?lang=en', { token })).text())).toEqual(['email_verified']);
    expect(await verifiedAt(accountId)).toBeInstanceOf(Date);
  });
});
