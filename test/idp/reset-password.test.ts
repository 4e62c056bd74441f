import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { verifyPassword } from '../../common/accounts/password.ts';
import { DEMO_LOGINS, seedDemoData } from '../../server/seed/index.ts';
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
  type Harness,
} from './register-harness.ts';
import { testPartnerSecrets } from '../support/partner-secrets.ts';

const db = useTestDatabase();
let h: Harness;
const { person: erzsebet, company: furge } = DEMO_LOGINS;
const NEW_PASSWORD = 'nyári zápor a Tiszán';

beforeAll(async () => {
  await seedDemoData(db.sequelize, testPartnerSecrets);
  h = await createHarness(db.sequelize);
}, 120_000);
// Each test starts with fresh counters (several of them ask for links for the same demo account).
beforeEach(async () => {
  await db.sequelize.query('delete from rate_limits');
});

interface AccountRow {
  id: string;
  customer_id: number;
  password_hash: string;
  email_verified_at: Date | null;
}

async function account(username: string): Promise<AccountRow> {
  const [row] = await db.sequelize.query<AccountRow>(
    'select id, customer_id, password_hash, email_verified_at from accounts where lower(username) = lower(:username)',
    { replacements: { username }, type: QueryTypes.SELECT },
  );
  return row!;
}

/** Asks for a reset link and returns it from the queued e-mail. */
async function requestLink(email: string, lang: 'hu' | 'en' = 'hu'): Promise<string> {
  const before = (await notificationsTo(db.sequelize, email, 'password_reset')).length;
  const res = await h.post(`/account/forgot-password?lang=${lang}`, { email });
  expect(codes(await res.text())).toEqual(['reset_link_sent']);
  const mails = await notificationsTo(db.sequelize, email, 'password_reset');
  expect(mails).toHaveLength(before + 1);
  return mails.at(-1)!.data.resetUrl!;
}

async function insertOidcRows(accountId: string, prefix: string) {
  const models = ['Session', 'Grant', 'AccessToken', 'RefreshToken', 'AuthorizationCode'];
  for (const model of models) {
    // As oidc-provider stores them: the Grant's id is the grant id; tokens and codes carry it as grantId.
    const grantId = model === 'Session' || model === 'Grant' ? null : `${prefix}-grant`;
    const id = model === 'Grant' ? `${prefix}-grant` : `${prefix}-${model}`;
    await db.sequelize.query(
      `insert into oidc_models (model, id, payload, grant_id, expires_at) values (:model, :id, :payload, :grantId, now() + interval '1 hour')`,
      {
        replacements: { model, id, payload: JSON.stringify({ accountId, ...(grantId ? { grantId } : {}) }), grantId },
      },
    );
  }
  // A row that names only the grant (as a device-flow or CIBA request would).
  await db.sequelize.query(`insert into oidc_models (model, id, payload, grant_id) values ('DeviceCode', :id, :payload, :grantId)`, {
    replacements: { id: `${prefix}-DeviceCode`, payload: JSON.stringify({ grantId: `${prefix}-grant` }), grantId: `${prefix}-grant` },
  });
}

async function insertBffSession(customerId: number, idHash: string) {
  const [client] = await db.sequelize.query<{ client_id: string }>('select client_id from partner_clients limit 1', { type: QueryTypes.SELECT });
  await db.sequelize.query(
    `insert into bff_sessions (id_hash, customer_id, client_id, tokens, expires_at) values (:idHash, :customerId, :clientId, '{}', now() + interval '1 hour')`,
    { replacements: { idHash, customerId, clientId: client!.client_id } },
  );
}

describe('forgotten password', () => {
  it('answers known and unknown addresses the same, and e-mails only the known one', async () => {
    const page = await h.get('/account/forgot-password');
    expect(page.status).toBe(200);
    const form = await page.text();
    expect(form).toContain('Elfelejtett jelszó');
    expect(form).toMatch(/<input id="email" name="email" type="email"/);

    const known = await h.post('/account/forgot-password', { email: ` ${erzsebet.username.toUpperCase()} ` });
    const unknown = await h.post('/account/forgot-password', { email: 'no.such.customer@example.org' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    const knownHtml = await known.text();
    expect(codes(knownHtml)).toEqual(['reset_link_sent']);
    expect(await unknown.text()).toBe(knownHtml);

    const mails = await notificationsTo(db.sequelize, erzsebet.username, 'password_reset');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.data.resetUrl).toMatch(/^http:\/\/localhost:3000\/account\/reset-password\?token=[A-Za-z0-9_-]{43}&lang=hu$/);
    expect(await notificationsTo(db.sequelize, 'no.such.customer@example.org')).toHaveLength(0);

    const [stored] = await db.sequelize.query<{ token_hash: string; expires_at: Date }>(
      `select token_hash, expires_at from account_tokens where purpose = 'reset_password' and account_id = :id`,
      { replacements: { id: (await account(erzsebet.username)).id }, type: QueryTypes.SELECT },
    );
    expect(stored!.token_hash).toBe(sha256(tokenOf(mails[0]!.data.resetUrl!)));
    const minutesLeft = (stored!.expires_at.getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(59);
    expect(minutesLeft).toBeLessThanOrEqual(60);
  });

  it('resets once: new password works, old one stops, sessions and grants end, nobody is logged in', async () => {
    const link = await requestLink(furge.username, 'en');
    const before = await account(furge.username);
    const other = await account(erzsebet.username);
    await insertOidcRows(before.id, 'furge');
    await insertOidcRows(other.id, 'erzsebet');
    await insertBffSession(before.customer_id, 'furge-bff');
    await insertBffSession(other.customer_id, 'erzsebet-bff');

    // The GET shows the form and does not use the link up.
    for (let i = 0; i < 2; i++) {
      const page = await h.get(pathOf(link));
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(codes(html)).toEqual([]);
      expect(pageName(html)).toBe('reset_form');
      expect(html).toContain('<html lang="en">');
    }
    // A refused password keeps the link usable.
    const weak = await h.post('/account/reset-password', { token: tokenOf(link), password: 'Password2024!', passwordConfirm: 'Password2024!' });
    expect(weak.status).toBe(400);
    expect(codes(await weak.text())).toEqual(['password_common']);

    // Posted where the page's form posts (it keeps the page's language).
    const action = /<form method="post" action="([^"]+)"/.exec(await (await h.get(pathOf(link))).text())![1]!.replace(/&amp;/g, '&');
    expect(action).toBe('/account/reset-password?lang=en');
    const res = await h.post(action, { token: tokenOf(link), password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(codes(await res.text())).toEqual(['password_changed']);
    // No session: the customer logs in anew. The only cookie is the remembered language.
    const cookies = res.headers.getSetCookie().map((c) => c.split('=')[0]);
    expect(cookies.filter((name) => name !== 'gp_lang')).toEqual([]);

    const after = await account(furge.username);
    expect(await verifyPassword(NEW_PASSWORD, after.password_hash)).toBe(true);
    expect(await verifyPassword(furge.password, after.password_hash)).toBe(false);

    const rows = async (accountId: string) => count(db.sequelize, `select 1 from oidc_models where payload->>'accountId' = :accountId`, { accountId });
    expect(await rows(before.id)).toBe(0);
    expect(await rows(other.id)).toBe(5);
    expect(await count(db.sequelize, `select 1 from oidc_models where grant_id = 'furge-grant'`)).toBe(0);
    expect(await count(db.sequelize, `select 1 from oidc_models where grant_id = 'erzsebet-grant'`)).toBe(4);
    expect(await count(db.sequelize, 'select 1 from bff_sessions where customer_id = :id', { id: before.customer_id })).toBe(0);
    expect(await count(db.sequelize, 'select 1 from bff_sessions where customer_id = :id', { id: other.customer_id })).toBe(1);

    const notices = await notificationsTo(db.sequelize, furge.username, 'password_changed');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.language).toBe('en');
    expect(notices[0]!.data.resetUrl).toBe('http://localhost:3000/account/forgot-password');
    expect(await count(db.sequelize, `select 1 from audit_events where action = 'account.password_reset' and subject_id = :id`, { id: before.id })).toBe(1);

    // Single use.
    const again = await h.post('/account/reset-password', {
      token: tokenOf(link),
      password: 'masik jelszo ez lenne',
      passwordConfirm: 'masik jelszo ez lenne',
    });
    expect(again.status).toBe(400);
    expect(codes(await again.text())).toEqual(['token_invalid']);
    expect(await verifyPassword(NEW_PASSWORD, (await account(furge.username)).password_hash)).toBe(true);
    expect(codes(await (await h.get(pathOf(link))).text())).toEqual(['token_invalid']);
  });

  it('refuses an expired link, and an older link once a newer one was sent', async () => {
    const first = await requestLink(erzsebet.username);
    const second = await requestLink(erzsebet.username);
    const stale = await h.post('/account/reset-password', { token: tokenOf(first), password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(stale.status).toBe(400);
    expect(codes(await stale.text())).toEqual(['token_invalid']);

    await db.sequelize.query(`update account_tokens set expires_at = now() - interval '1 second' where token_hash = :hash`, {
      replacements: { hash: sha256(tokenOf(second)) },
    });
    const get = await h.get(pathOf(second));
    expect(get.status).toBe(400);
    const html = await get.text();
    expect(codes(html)).toEqual(['token_invalid']);
    expect(html).toContain('href="/account/forgot-password?lang=hu"');
    const post = await h.post('/account/reset-password', { token: tokenOf(second), password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(codes(await post.text())).toEqual(['token_invalid']);
    expect(await verifyPassword(erzsebet.password, (await account(erzsebet.username)).password_hash)).toBe(true);
  });

  it('checks the new password against the policy and the account’s own e-mail address', async () => {
    const link = await requestLink(erzsebet.username);
    const post = (password: string, confirm = password) => h.post('/account/reset-password', { token: tokenOf(link), password, passwordConfirm: confirm });
    expect(codes(await (await post('rovid')).text())).toEqual(['password_too_short']);
    expect(codes(await (await post('szoke-titkos-jelszava')).text())).toEqual(['password_contains_email']);
    expect(codes(await (await post(`az ugyfelszamom ${erzsebet.customerNumber}`)).text())).toEqual(['password_contains_customer_number']);
    expect(codes(await (await post(NEW_PASSWORD, `${NEW_PASSWORD}x`)).text())).toEqual(['password_mismatch']);
    const html = await (await post('rovid')).text();
    expect(html).toMatch(/<input id="password"[^>]*aria-invalid="true"[^>]*aria-describedby="password-hint password-error"[^>]*autofocus/s);
    expect(html).toContain(`name="token" value="${tokenOf(link)}"`); // the form keeps its link
    expect(await verifyPassword(erzsebet.password, (await account(erzsebet.username)).password_hash)).toBe(true);
  });

  it('marks an unverified address verified: the link proved the customer reads it', async () => {
    const [customer] = await freeCustomers(db.sequelize, 'person', 1);
    expect(codes(await (await h.post('/account/register', personForm(customer!, 'unverified.reset@example.org'))).text())).toEqual(['check_inbox']);
    expect((await account('unverified.reset@example.org')).email_verified_at).toBeNull();
    const link = await requestLink('unverified.reset@example.org');
    expect((await h.post('/account/reset-password', { token: tokenOf(link), password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).status).toBe(200);
    expect((await account('unverified.reset@example.org')).email_verified_at).toBeInstanceOf(Date);
  });

  it('limits reset requests per address, for known and unknown addresses alike', async () => {
    const before = (await notificationsTo(db.sequelize, erzsebet.username, 'password_reset')).length;
    for (const email of ['limit.unknown@example.org', erzsebet.username]) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await h.post('/account/forgot-password', { email })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    }
    const limited = await h.post('/account/forgot-password', { email: 'limit.unknown@example.org' });
    expect(codes(await limited.text())).toEqual(['too_many_attempts']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Five links for the known address, none past the limit.
    expect(await notificationsTo(db.sequelize, erzsebet.username, 'password_reset')).toHaveLength(before + 5);
  });
});
