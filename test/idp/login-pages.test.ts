import { scrypt, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../support/database.ts';
import { LOGIN_ACCOUNT_RULE, LOGIN_ADDRESS_RULE, LoginService } from '../../idp/accounts/login.ts';
import { needsRehash, verifyPassword } from '../../common/accounts/password.ts';
import { Throttle } from '../../common/security/throttle.ts';
import { authorizationRequest, Browser, createFixtures, formAction, PASSWORD, relyingParty, useIdp } from './provider-harness.ts';

const db = useTestDatabase();
const idp = useIdp(db);

/** A fresh browser on the login page of a new authorization request. */
async function openLogin(lang?: 'hu' | 'en') {
  const browser = new Browser(idp.publicUrl.origin);
  const auth = await authorizationRequest(idp.relyingParty, idp.fixtures);
  const hop = await browser.follow(await browser.request(auth.url));
  let response = hop.response;
  const pageUrl = new URL(hop.url);
  if (lang) {
    await response.arrayBuffer();
    response = await browser.request(`${pageUrl.pathname}?lang=${lang}`);
  }
  const html = await response.text();
  return { browser, response, html, pageUrl, action: formAction(html), auth };
}

async function post(email: string, password: string, page?: Awaited<ReturnType<typeof openLogin>>) {
  const p = page ?? (await openLogin());
  const response = await p.browser.request(p.action, { form: { email, password } });
  return { response, html: response.status >= 300 && response.status < 400 ? '' : await response.text(), page: p };
}

/** The page without what legitimately differs: the echoed e-mail, the interaction's id and the scripts' nonce. */
function normalise(html: string, email: string, uid: string): string {
  return html
    .split(email)
    .join('EMAIL')
    .split(uid)
    .join('UID')
    .replace(/nonce="[^"]+"/g, 'nonce="NONCE"');
}

const uidOf = (action: string) => /\/interaction\/([^/]+)\//.exec(action)![1]!;

async function auditRows(action: string, since: number) {
  return db.sequelize.query<{ customer_id: number | null; metadata: Record<string, unknown>; client_id: string | null }>(
    'select customer_id, metadata, client_id from audit_events where action = :action and id > :since order by id',
    { replacements: { action, since }, type: QueryTypes.SELECT },
  );
}
async function lastAuditId(): Promise<number> {
  const [row] = await db.sequelize.query<{ id: string | null }>('select max(id) as id from audit_events', { type: QueryTypes.SELECT });
  return Number(row?.id ?? 0);
}

describe('the login page', () => {
  it('is Hungarian by default, accessible, not cached, framed by nobody, and keeps window.opener (no COOP)', async () => {
    const { response, html } = await openLogin();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // Under "no-referrer" browsers post forms with `Origin: null`, which the same-origin check refuses.
    expect(response.headers.get('referrer-policy')).not.toBe('no-referrer');
    expect(html).toContain('<meta name="referrer" content="same-origin" />');
    expect(html).toContain('<html lang="hu">');
    expect(html).toContain('<h1>Bejelentkezés</h1>');
    expect(html).toMatch(/<label for="email">E-mail-cím<\/label>/);
    expect(html).toMatch(/<label for="password">Jelszó<\/label>/);
    // Passkeys are offered among the e-mail field's suggestions (conditional UI), and by a button.
    expect(html).toMatch(/autocomplete="username webauthn"/);
    expect(html).toContain('Belépés azonosítókulccsal');
    expect(html).toMatch(/autocomplete="current-password"/);
    expect(html).toContain('Teszt Alkusz Kft.');
    expect(html).toContain('href="/account/register?lang=hu"');
    expect(html).toContain('href="/account/forgot-password?lang=hu"');
    expect(html).toMatch(/href="\/interaction\/[^"?]+\?lang=en"/);
  });

  it('switches to English, and the links follow', async () => {
    const { html } = await openLogin('en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Log in</h1>');
    expect(html).toContain('href="/account/register?lang=en"');
    expect(html).toContain('href="/account/forgot-password?lang=en"');
  });

  it('names missing fields in an error summary, without counting an attempt', async () => {
    const before = await lastAuditId();
    const { response, html } = await post('', '');
    expect(response.status).toBe(400);
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('Adja meg az e-mail-címét.');
    expect(html).toContain('Adja meg a jelszavát.');
    expect(html).toMatch(/id="email"[^>]*aria-invalid="true"[^>]*autofocus/s);
    expect(await auditRows('login.failed', before)).toHaveLength(0);
  });

  it('refuses a form posted from another origin', async () => {
    const page = await openLogin();
    const response = await fetch(new URL(page.action, idp.publicUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ email: idp.fixtures.verified.email, password: PASSWORD }),
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
  });

  it('says the sign-in has expired when the interaction cookie is gone', async () => {
    const page = await openLogin();
    const stranger = new Browser(idp.publicUrl.origin);
    const response = await stranger.request(page.action, { form: { email: idp.fixtures.verified.email, password: PASSWORD } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('A bejelentkezés lejárt');
  });
});

describe('failed logins', () => {
  it('answer an unknown e-mail and a wrong password alike: same status, same message, same page', async () => {
    const before = await lastAuditId();
    const unknown = await post('nobody.here@example.com', 'Whatever-123');
    const wrong = await post(idp.fixtures.verified.email, 'Wrong-password-1');
    expect(unknown.response.status).toBe(400);
    expect(wrong.response.status).toBe(unknown.response.status);
    expect(unknown.html).toContain('Hibás e-mail-cím vagy jelszó.');
    expect(normalise(unknown.html, 'nobody.here@example.com', uidOf(unknown.page.action))).toBe(
      normalise(wrong.html, idp.fixtures.verified.email, uidOf(wrong.page.action)),
    );
    // The password is never echoed back.
    expect(wrong.html).not.toContain('Wrong-password-1');

    const failures = await auditRows('login.failed', before);
    expect(failures).toHaveLength(2);
    expect(failures.map((r) => r.metadata.reason)).toEqual(['unknown_username', 'wrong_password']);
    expect(failures[1]!.customer_id).toBe(idp.fixtures.verified.customerId);
    for (const row of failures) expect(JSON.stringify(row.metadata)).not.toContain('@');
  });

  it('take about as long for an unknown e-mail as for a wrong password (a dummy hash is verified)', async () => {
    const time = async (email: string) => {
      const page = await openLogin();
      const started = performance.now();
      await post(email, 'Wrong-password-1', page);
      return performance.now() - started;
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 3; i++) {
      unknown.push(await time(`timing-${i}@example.com`));
      wrong.push(await time(`${idp.fixtures.unverified.email}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    // An scrypt verification dominates both; without the dummy hash the unknown case would be far faster.
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.6);
    await db.sequelize.query('delete from rate_limits');
  });

  it("are throttled per e-mail address and client address after 5 attempts, alike for existing and unknown addresses, and a correct password doesn't get through", async () => {
    const other = await createFixtures(db.sequelize, idp.publicUrl);
    const statuses = async (email: string, password: string, times: number) => {
      const out: number[] = [];
      for (let i = 0; i < times; i++) out.push((await post(email, password)).response.status);
      return out;
    };
    expect(await statuses(other.verified.email, 'Wrong-password-1', 5)).toEqual([400, 400, 400, 400, 400]);
    expect(await statuses('ghost.account@example.com', 'Wrong-password-1', 5)).toEqual([400, 400, 400, 400, 400]);

    const existing = await post(other.verified.email, PASSWORD);
    const ghost = await post('ghost.account@example.com', PASSWORD);
    expect(existing.response.status).toBe(429);
    expect(ghost.response.status).toBe(429);
    expect(Number(existing.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(existing.html).toContain('Hibás e-mail-cím vagy jelszó.');
    expect(existing.html).toMatch(/várjon \d+ percet/);
    expect(normalise(existing.html, other.verified.email, uidOf(existing.page.action))).toBe(
      normalise(ghost.html, 'ghost.account@example.com', uidOf(ghost.page.action)),
    );
    // Another customer is not affected.
    expect((await post(other.unverified.email, 'Wrong-password-1')).response.status).toBe(400);
    await db.sequelize.query('delete from rate_limits');
  });

  it('are throttled per client address too (50 per 15 minutes)', async () => {
    const throttle = new Throttle(db.sequelize);
    const service = new LoginService(db.sequelize, throttle);
    for (let i = 0; i < LOGIN_ADDRESS_RULE.limit; i++) await throttle.hit(LOGIN_ADDRESS_RULE, '203.0.113.7');
    const outcome = await service.attempt({ username: idp.fixtures.verified.email, password: PASSWORD, address: '203.0.113.7', clientId: null });
    expect(outcome.kind).toBe('throttled');
    const elsewhere = await service.attempt({ username: idp.fixtures.verified.email, password: PASSWORD, address: '203.0.113.8', clientId: null });
    expect(elsewhere.kind).toBe('success');
    await db.sequelize.query('delete from rate_limits');
  });

  it('are forgotten after a successful login', async () => {
    const throttle = new Throttle(db.sequelize);
    const service = new LoginService(db.sequelize, throttle);
    for (let i = 0; i < 4; i++) await service.attempt({ username: idp.fixtures.verified.email, password: 'nope', address: '198.51.100.1', clientId: null });
    expect((await throttle.peek(LOGIN_ACCOUNT_RULE, idp.fixtures.verified.email)).hits).toBe(4);
    expect(
      (await service.attempt({ username: idp.fixtures.verified.email.toUpperCase(), password: PASSWORD, address: '198.51.100.1', clientId: null })).kind,
    ).toBe('success');
    expect((await throttle.peek(LOGIN_ACCOUNT_RULE, idp.fixtures.verified.email)).hits).toBe(0);
    await db.sequelize.query('delete from rate_limits');
  });
});

describe('an account whose e-mail address is not confirmed', () => {
  it('cannot log in, and is told so only after the correct password', async () => {
    const wrong = await post(idp.fixtures.unverified.email, 'Wrong-password-1');
    expect(wrong.response.status).toBe(400);
    expect(wrong.html).toContain('Hibás e-mail-cím vagy jelszó.');
    expect(wrong.html).not.toContain('megerősít');

    const right = await post(idp.fixtures.unverified.email, PASSWORD);
    expect(right.response.status).toBe(403);
    expect(right.response.headers.get('location')).toBeNull();
    expect(right.html).toContain('Az e-mail-címét még nem erősítette meg');
    await db.sequelize.query('delete from rate_limits');
  });
});

describe('a successful login', () => {
  it('continues to the provider (303), audits it, and upgrades a weak password hash', async () => {
    const weak = await weakHash(PASSWORD);
    await db.sequelize.query('update accounts set password_hash = :weak where id = :id', { replacements: { weak, id: idp.fixtures.verified.id } });
    const before = await lastAuditId();
    const { response } = await post(idp.fixtures.verified.email, PASSWORD);
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get('location')!).pathname).toMatch(/^\/oidc\/auth\//);

    const [row] = await db.sequelize.query<{ password_hash: string }>('select password_hash from accounts where id = :id', {
      replacements: { id: idp.fixtures.verified.id },
      type: QueryTypes.SELECT,
    });
    expect(row!.password_hash).not.toBe(weak);
    expect(needsRehash(row!.password_hash)).toBe(false);
    expect(await verifyPassword(PASSWORD, row!.password_hash)).toBe(true);

    const audits = await auditRows('login.succeeded', before);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ customer_id: idp.fixtures.verified.customerId, client_id: idp.fixtures.clientId });
    expect(JSON.stringify(audits[0]!.metadata)).not.toContain('@');
  });
});

describe('the consent page', () => {
  it('names the partner, its website and what it will show, in Hungarian and English', async () => {
    const other = await createFixtures(db.sequelize, idp.publicUrl);
    const otherRp = await relyingParty(idp, other);
    const browser = new Browser(idp.publicUrl.origin);
    const auth = await authorizationRequest(otherRp, other);
    const login = await browser.follow(await browser.request(auth.url));
    const action = formAction(await login.response.text());
    const consent = await browser.follow(await browser.request(action, { form: { email: other.verified.email, password: PASSWORD } }));
    const html = await consent.response.text();
    expect(consent.response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<h1>Hozzáférés engedélyezése</h1>');
    // The partner's name takes its article as a Hungarian sentence needs it (a T…: „A”).
    expect(html).toContain('A <strong>Teszt Alkusz Kft.</strong> az Ön engedélyét kéri');
    expect(html).toContain('https://broker.example');
    expect(html).toContain('Teszt Anna');
    for (const item of ['szerződéseit', 'számláit', 'kárbejelentéseit', 'dokumentumait', 'személyes adatait', 'amíg ki nem jelentkezik'])
      expect(html).toContain(item);
    // The session's lifetime is the API's (hours), not the consent's (30 days): no number of days is promised.
    expect(html).not.toMatch(/\d+ napig/);
    expect(html).toMatch(/action="\/interaction\/[^"]+\/confirm"/);

    const english = await browser.request(`${new URL(consent.url).pathname}?lang=en`);
    const en = await english.text();
    expect(en).toContain('<h1>Allow access</h1>');
    for (const item of ['contracts', 'invoices', 'claims', 'documents', 'personal data']) expect(en).toContain(item);
    expect(en).toContain('<strong>Teszt Alkusz Kft.</strong> asks your permission');
    expect(en).not.toMatch(/Sign in|sign in|signed in/);
  });
});

/** A valid scrypt hash at a lower cost than today's (as an older version might have stored). */
async function weakHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  const derive = promisify(scrypt) as (password: string, salt: Buffer, length: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;
  const key = await derive(password.normalize('NFC'), salt, 32, { N: 2 ** 14, r: 8, p: 1 });
  return ['scrypt', 2 ** 14, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe("the provider's own pages", () => {
  it('are never framed or cached, and JSON endpoints keep their own caching', async () => {
    const browser = new Browser(idp.publicUrl.origin);
    const end = await browser.request('/oidc/session/end');
    expect(end.headers.get('content-type')).toContain('text/html');
    expect(end.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(end.headers.get('cache-control')).toBe('no-store');
    expect(end.headers.get('x-content-type-options')).toBe('nosniff');
    await end.arrayBuffer();

    const discovery = await browser.request('/oidc/.well-known/openid-configuration');
    expect(discovery.headers.get('content-security-policy')).toBeNull();
    expect(discovery.headers.get('x-content-type-options')).toBe('nosniff');
    await discovery.arrayBuffer();
  });
});
