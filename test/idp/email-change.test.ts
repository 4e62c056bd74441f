import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { Throttle } from '../../common/security/throttle.ts';
import { issueEmailChangeToken, requestEmailChange } from '../../server/domain/profile/email-change.ts';
import { DEMO_LOGINS, seedDemoData } from '../../server/seed/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { codes, count, createHarness, notificationsTo, pageName, pathOf, PUBLIC_URL, sha256, tokenOf, type Harness } from './register-harness.ts';
import { testPartnerSecrets } from '../support/partner-secrets.ts';

const db = useTestDatabase();
let h: Harness;

interface Subject {
  accountId: string;
  customerId: number;
}
const subjects: Record<'person' | 'company', Subject> = {} as Record<'person' | 'company', Subject>;

beforeAll(async () => {
  await seedDemoData(db.sequelize, testPartnerSecrets);
  h = await createHarness(db.sequelize);
  for (const kind of ['person', 'company'] as const) {
    const [row] = await db.sequelize.query<{ id: string; customer_id: number }>('select id, customer_id from accounts where lower(username) = lower(:u)', {
      replacements: { u: DEMO_LOGINS[kind].username },
      type: QueryTypes.SELECT,
    });
    subjects[kind] = { accountId: row!.id, customerId: Number(row!.customer_id) };
  }
}, 120_000);
beforeEach(async () => {
  await db.sequelize.query('delete from rate_limits');
});

async function state(s: Subject) {
  const [account] = await db.sequelize.query<{ username: string }>('select username from accounts where id = :id', {
    replacements: { id: s.accountId },
    type: QueryTypes.SELECT,
  });
  const [customer] = await db.sequelize.query<{ email: string | null }>('select email from customers where id = :id', {
    replacements: { id: s.customerId },
    type: QueryTypes.SELECT,
  });
  return { username: account!.username, email: customer!.email };
}

const issue = (accountId: string, newEmail: string) => db.sequelize.transaction((t) => issueEmailChangeToken(db.sequelize, t, accountId, newEmail));

describe('confirming an e-mail change', () => {
  it('a GET only shows the button; the POST changes the login name and the contact address once', async () => {
    const s = subjects.person;
    const before = await state(s);
    await requestEmailChange(
      { sequelize: db.sequelize, publicUrl: PUBLIC_URL },
      { customerId: s.customerId, actorId: s.accountId },
      { newEmail: 'Szoke.Uj@Example.org', password: DEMO_LOGINS.person.password },
      { throttle: new Throttle(db.sequelize) },
    );
    const [mail] = await notificationsTo(db.sequelize, 'szoke.uj@example.org', 'email_change_confirm');
    const link = mail!.data.confirmUrl!;
    expect(link.startsWith(`${PUBLIC_URL.origin}/account/confirm-email-change?token=`)).toBe(true);
    expect(await notificationsTo(db.sequelize, before.username, 'email_changed_notice')).toHaveLength(1);
    const token = tokenOf(link);

    for (let i = 0; i < 2; i++) {
      const page = await h.get(pathOf(link));
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(codes(html)).toEqual([]);
      expect(pageName(html)).toBe('email_change_confirm');
      expect(html).toContain('<html lang="hu">');
      expect(html).toContain(`<input type="hidden" name="token" value="${token}" />`);
    }
    expect(await state(s)).toEqual(before);

    const done = await h.post('/account/confirm-email-change', { token });
    expect(done.status).toBe(200);
    const html = await done.text();
    expect(codes(html)).toEqual(['email_changed']);
    expect(html).toContain('href="http://localhost:3000/"');
    expect(await state(s)).toEqual({ username: 'szoke.uj@example.org', email: 'szoke.uj@example.org' });
    expect(
      await count(db.sequelize, `select 1 from audit_events where action = 'profile.email_changed' and subject_id = :id and metadata = '{}'::jsonb`, {
        id: s.accountId,
      }),
    ).toBe(1);
    expect(await count(db.sequelize, `select 1 from account_tokens where token_hash = :hash and used_at is not null`, { hash: sha256(token) })).toBe(1);

    const again = await h.post('/account/confirm-email-change', { token });
    expect(again.status).toBe(400);
    expect(codes(await again.text())).toEqual(['token_invalid']);
    const get = await h.get(pathOf(link));
    expect(get.status).toBe(400);
    expect(codes(await get.text())).toEqual(['token_invalid']);
    expect(await state(s)).toEqual({ username: 'szoke.uj@example.org', email: 'szoke.uj@example.org' });
  });

  it('speaks English with ?lang=en', async () => {
    const { token } = await issue(subjects.company.accountId, 'english.page@example.org');
    const page = await h.get(`/account/confirm-email-change?token=${token}&lang=en`);
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Confirm my new e-mail address');
    expect(html).toContain('action="/account/confirm-email-change?lang=en"');
  });

  it('refuses an expired, an unknown and a malformed link with the same message, changing nothing', async () => {
    const s = subjects.company;
    const before = await state(s);
    const { token } = await issue(s.accountId, 'expired.change@example.org');
    await db.sequelize.query(`update account_tokens set expires_at = now() - interval '1 second' where token_hash = :hash`, {
      replacements: { hash: sha256(token) },
    });
    for (const candidate of [token, 'A'.repeat(43), 'not-a-token', '']) {
      const get = await h.get(`/account/confirm-email-change?token=${encodeURIComponent(candidate)}`);
      expect(get.status).toBe(400);
      expect(codes(await get.text())).toEqual(['token_invalid']);
      const post = await h.post('/account/confirm-email-change', { token: candidate });
      expect(post.status).toBe(400);
      expect(codes(await post.text())).toEqual(['token_invalid']);
    }
    expect(await state(s)).toEqual(before);
  });

  it('only the newest link works', async () => {
    const s = subjects.company;
    const before = await state(s);
    const first = await issue(s.accountId, 'first.link@example.org');
    await issue(s.accountId, 'second.link@example.org');
    expect((await h.post('/account/confirm-email-change', { token: first.token })).status).toBe(400);
    expect(await state(s)).toEqual(before);
  });

  it('fails generically when the address was taken meanwhile', async () => {
    const s = subjects.company;
    const before = await state(s);
    const { token } = await issue(s.accountId, 'taken.later@example.org');
    // Another account takes the address before the link is used.
    await db.sequelize.query(`update accounts set username = 'Taken.Later@example.org' where id = :id`, { replacements: { id: subjects.person.accountId } });
    const res = await h.post('/account/confirm-email-change?lang=en', { token });
    expect(res.status).toBe(409);
    expect(codes(await res.text())).toEqual(['email_change_failed']);
    expect(await state(s)).toEqual(before);
  });
});
