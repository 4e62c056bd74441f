import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { hashPassword, verifyPassword } from '../../common/accounts/password.ts';
import { Throttle } from '../../common/security/throttle.ts';
import { requestEmailChange } from '../../server/domain/profile/email-change.ts';
import { seedDemoData } from '../../server/seed/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { codes, count, createHarness, freeCustomers, notificationsTo, pageName, pathOf, PUBLIC_URL, tokenOf, type Harness } from './register-harness.ts';
import { testPartnerSecrets } from '../support/partner-secrets.ts';

/**
 * Audit findings 1 and 2 (issue 15): an e-mail change and a password reset are both ways to take
 * an account, so each ends what the other left pending; and a confirmed change can be undone
 * from the previous address. Everything through the real IdP pages on a real database.
 */
const db = useTestDatabase();
let h: Harness;
const OLD_PASSWORD = 'régi jelszó a hegyen túl';
const NEW_PASSWORD = 'nyári zápor a Tiszán';

interface Account {
  id: string;
  customerId: number;
  email: string;
}

let nextCustomer = 0;
/** A verified account of its own for each test (a seeded customer without one), contact address = login. */
async function newAccount(email: string): Promise<Account> {
  const [customer] = await freeCustomers(db.sequelize, 'person', 1, nextCustomer++);
  const [row] = await db.sequelize.query<{ id: string }>(
    `insert into accounts (customer_id, username, password_hash, email_verified_at, password_changed_at)
     values (:customerId, :email, :hash, now(), now()) returning id`,
    { replacements: { customerId: customer!.id, email, hash: await hashPassword(OLD_PASSWORD) }, type: QueryTypes.SELECT },
  );
  await db.sequelize.query('update customers set email = :email where id = :id', { replacements: { email, id: customer!.id } });
  return { id: row!.id, customerId: customer!.id, email };
}

async function login(account: Account): Promise<{ username: string; contact: string | null; sessionsValidAfter: Date | null }> {
  const [row] = await db.sequelize.query<{ username: string; email: string | null; sessions_valid_after: Date | null }>(
    `select a.username, c.email, a.sessions_valid_after from accounts a join customers c on c.id = a.customer_id where a.id = :id`,
    { replacements: { id: account.id }, type: QueryTypes.SELECT },
  );
  return { username: row!.username, contact: row!.email, sessionsValidAfter: row!.sessions_valid_after };
}

/** The attacker (who knows the password) asks, in the portal, for the login to move to their address. */
async function attackerRequestsChange(account: Account, attackerEmail: string): Promise<string> {
  await requestEmailChange(
    { sequelize: db.sequelize, publicUrl: PUBLIC_URL },
    { customerId: account.customerId, actorId: account.id },
    { newEmail: attackerEmail, password: OLD_PASSWORD },
    { throttle: new Throttle(db.sequelize) },
  );
  const mails = await notificationsTo(db.sequelize, attackerEmail, 'email_change_confirm');
  return tokenOf(mails.at(-1)!.data.confirmUrl!);
}

async function requestResetLink(email: string): Promise<string> {
  const res = await h.post('/account/forgot-password', { email });
  expect(codes(await res.text())).toEqual(['reset_link_sent']);
  return tokenOf((await notificationsTo(db.sequelize, email, 'password_reset')).at(-1)!.data.resetUrl!);
}

const resetPassword = (token: string) => h.post('/account/reset-password', { token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
const confirmChange = (token: string) => h.post('/account/confirm-email-change', { token });

/** Sessions as the IdP (a grant, a refresh token) and the API (a browser session) keep them. */
async function openSessions(account: Account, prefix: string): Promise<void> {
  const grant = `${prefix}-grant`;
  await db.sequelize.query(
    `insert into oidc_models (model, id, payload, grant_id, expires_at) values
       ('Session', :session, :payload, null, now() + interval '1 hour'),
       ('Grant', :grant, :payload, null, now() + interval '1 hour'),
       ('RefreshToken', :refresh, :tokenPayload, :grant, now() + interval '1 hour')`,
    {
      replacements: {
        session: `${prefix}-session`,
        grant,
        refresh: `${prefix}-refresh`,
        payload: JSON.stringify({ accountId: account.id }),
        tokenPayload: JSON.stringify({ accountId: account.id, grantId: grant }),
      },
    },
  );
  const [client] = await db.sequelize.query<{ client_id: string }>('select client_id from partner_clients limit 1', { type: QueryTypes.SELECT });
  await db.sequelize.query(
    `insert into bff_sessions (id_hash, customer_id, client_id, tokens, expires_at) values (:idHash, :customerId, :clientId, '{}', now() + interval '1 hour')`,
    { replacements: { idHash: `${prefix}-bff`, customerId: account.customerId, clientId: client!.client_id } },
  );
}

async function sessionsOf(account: Account): Promise<{ idp: number; api: number }> {
  return {
    idp: await count(db.sequelize, `select 1 from oidc_models where payload->>'accountId' = :id`, { id: account.id }),
    api: await count(db.sequelize, 'select 1 from bff_sessions where customer_id = :id', { id: account.customerId }),
  };
}

beforeAll(async () => {
  await seedDemoData(db.sequelize, testPartnerSecrets);
  h = await createHarness(db.sequelize);
}, 120_000);
beforeEach(async () => {
  await db.sequelize.query('delete from rate_limits');
});

describe('a password reset (finding 1)', () => {
  it('ends a pending e-mail change: the attacker’s confirmation link no longer moves the login', async () => {
    const victim = await newAccount('victim.one@example.org');
    const attackerLink = await attackerRequestsChange(victim, 'attacker.one@example.net');

    // The victim takes the account back with a reset from their own address.
    const reset = await resetPassword(await requestResetLink(victim.email));
    expect(codes(await reset.text())).toEqual(['password_changed']);

    const confirm = await confirmChange(attackerLink);
    expect(confirm.status).toBe(400);
    expect(codes(await confirm.text())).toEqual(['token_invalid']);
    expect(await login(victim)).toMatchObject({ username: victim.email, contact: victim.email });
  });
});

describe('a confirmed e-mail change (finding 2)', () => {
  it('ends a reset link sent to the previous address', async () => {
    const account = await newAccount('before.two@example.org');
    const resetLink = await requestResetLink(account.email);
    const changeLink = await attackerRequestsChange(account, 'after.two@example.net');

    const done = await confirmChange(changeLink);
    expect(done.status).toBe(200);
    expect(codes(await done.text())).toEqual(['email_changed']);

    const get = await h.get(`/account/reset-password?token=${resetLink}`);
    expect(get.status).toBe(400);
    expect(codes(await get.text())).toEqual(['token_invalid']);
    const post = await resetPassword(resetLink);
    expect(post.status).toBe(400);
    expect(codes(await post.text())).toEqual(['token_invalid']);
    const [row] = await db.sequelize.query<{ password_hash: string }>('select password_hash from accounts where id = :id', {
      replacements: { id: account.id },
      type: QueryTypes.SELECT,
    });
    expect(await verifyPassword(OLD_PASSWORD, row!.password_hash)).toBe(true);
  });

  it('ends every session of the account, IdP and API, and marks earlier access tokens invalid', async () => {
    const account = await newAccount('sessions.three@example.org');
    const other = await newAccount('bystander.three@example.org');
    await openSessions(account, 'three');
    await openSessions(other, 'bystander');
    const changeLink = await attackerRequestsChange(account, 'new.three@example.net');
    const before = new Date();

    expect((await confirmChange(changeLink)).status).toBe(200);
    expect(await sessionsOf(account)).toEqual({ idp: 0, api: 0 });
    expect(await sessionsOf(other)).toEqual({ idp: 3, api: 1 });
    expect((await login(account)).sessionsValidAfter!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect((await login(other)).sessionsValidAfter).toBeNull();
  });
});

describe('undoing a confirmed e-mail change from the previous address', () => {
  it('restores the login and the contact address, ends every session, offers a new password, and works once', async () => {
    const account = await newAccount('owner.four@example.org');
    const changeLink = await attackerRequestsChange(account, 'taker.four@example.net');
    expect((await confirmChange(changeLink)).status).toBe(200);
    expect(await login(account)).toMatchObject({ username: 'taker.four@example.net', contact: 'taker.four@example.net' });

    // The previous address is told, with the link; the new one gets no such link.
    const [mail, ...more] = await notificationsTo(db.sequelize, account.email, 'email_change_undo');
    expect(more).toEqual([]);
    expect(mail!.customer_id).toBe(account.customerId);
    expect(mail!.data.newEmail).toBe('taker.four@example.net');
    expect(mail!.data.undoUrl).toMatch(/^http:\/\/localhost:3000\/account\/undo-email-change\?token=[A-Za-z0-9_-]{43}&lang=hu$/);
    const hoursLeft = (new Date(mail!.data.expiresAt!).getTime() - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(71.9);
    expect(hoursLeft).toBeLessThanOrEqual(72);
    expect(await notificationsTo(db.sequelize, 'taker.four@example.net', 'email_change_undo')).toEqual([]);

    // The taker logs in meanwhile, and (knowing the password) cannot cancel the undo with a reset.
    await openSessions(account, 'four');
    expect(codes(await (await resetPassword(await requestResetLink('taker.four@example.net'))).text())).toEqual(['password_changed']);
    await openSessions(account, 'four-again');

    const undoPath = pathOf(mail!.data.undoUrl!);
    for (let i = 0; i < 2; i++) {
      const page = await h.get(undoPath);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(pageName(html)).toBe('email_change_undo');
      expect(html).toContain('Visszaállítom a korábbi e-mail-címemet');
    }
    expect((await login(account)).username).toBe('taker.four@example.net');

    const undone = await h.post('/account/undo-email-change?lang=en', { token: tokenOf(mail!.data.undoUrl!) });
    expect(undone.status).toBe(200);
    const html = await undone.text();
    expect(codes(html)).toEqual(['email_change_undone']);
    expect(html).toContain('<html lang="en">');
    expect(await login(account)).toMatchObject({ username: account.email, contact: account.email });
    expect(await sessionsOf(account)).toEqual({ idp: 0, api: 0 });
    expect(await count(db.sequelize, `select 1 from audit_events where action = 'profile.email_change_undone' and subject_id = :id`, { id: account.id })).toBe(
      1,
    );

    // The page leads to a fresh password reset for the restored address.
    const resetHref = /<a class="button primary" href="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    expect(resetHref).toMatch(/^http:\/\/localhost:3000\/account\/reset-password\?token=/);
    expect((await h.get(pathOf(resetHref))).status).toBe(200);

    // Single use.
    const again = await h.post('/account/undo-email-change', { token: tokenOf(mail!.data.undoUrl!) });
    expect(again.status).toBe(400);
    expect(codes(await again.text())).toEqual(['token_invalid']);
    expect((await h.get(undoPath)).status).toBe(400);
  });

  it('is not cancelled by a second change, and after it the later change’s undo no longer works', async () => {
    const account = await newAccount('owner.five@example.org');
    expect((await confirmChange(await attackerRequestsChange(account, 'first.five@example.net'))).status).toBe(200);
    const firstUndo = (await notificationsTo(db.sequelize, account.email, 'email_change_undo')).at(-1)!.data.undoUrl!;
    expect((await confirmChange(await attackerRequestsChange(account, 'second.five@example.net'))).status).toBe(200);
    const secondUndo = (await notificationsTo(db.sequelize, 'first.five@example.net', 'email_change_undo')).at(-1)!.data.undoUrl!;

    const undone = await h.post('/account/undo-email-change', { token: tokenOf(firstUndo) });
    expect(codes(await undone.text())).toEqual(['email_change_undone']);
    expect((await login(account)).username).toBe(account.email);
    const stale = await h.post('/account/undo-email-change', { token: tokenOf(secondUndo) });
    expect(stale.status).toBe(400);
    expect((await login(account)).username).toBe(account.email);
  });
});
