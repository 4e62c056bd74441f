import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { Secret, TOTP } from 'otpauth';
import { useTestDatabase } from '../support/database.ts';
import { verifyPassword } from '../../common/accounts/password.ts';
import { issueToken, peekToken } from '../../common/accounts/account-tokens.ts';
import { readAccountSecurityStatus } from '../../idp/security/status.ts';
import { Browser, createFixtures, formAction, PASSWORD, useIdp, type Fixtures } from './provider-harness.ts';
import { codes, notificationsTo } from './register-harness.ts';
import { ESCAPED, HOSTILE, MARKUP, RAW_MARKUP, UNPRINTABLE, type HostileName } from '../server/hardening/hostile-corpus.ts';

const db = useTestDatabase();
const idp = useIdp(db);
beforeEach(async () => {
  await db.sequelize.query('delete from rate_limits');
});

type Account = Fixtures['verified'];
const fixture = async (): Promise<Account> => (await createFixtures(db.sequelize, idp.publicUrl)).verified;

/** Opens `path` in `browser`, following redirects; answers the log-in page when the IdP shows it. */
async function open(browser: Browser, path: string) {
  const hop = await browser.follow(await browser.request(path));
  return { response: hop.response, url: hop.url, html: await hop.response.text() };
}

/** Logs in through the account pages' own authorization request; stops at the two-step page when there is one. */
async function signIn(browser: Browser, account: Account, target = '/account/security?lang=hu', password = PASSWORD) {
  const login = await open(browser, target);
  expect(login.url).toMatch(/\/interaction\/[^/]+$/);
  const posted = await browser.request(formAction(login.html), { form: { email: account.email, password } });
  const hop = await browser.follow(posted, `${idp.publicUrl.origin}/interaction/`);
  if (/\/two-step$/.test(hop.url)) {
    await hop.response.arrayBuffer();
    return { url: hop.url, html: '' };
  }
  return { url: hop.url, html: await hop.response.text() };
}

/** Answers the two-step page and follows to where the log-in leads. */
async function answerCode(browser: Browser, twoStepUrl: string, code: string) {
  const response = await browser.request(new URL(twoStepUrl).pathname, { form: { code } });
  if (response.status !== 303) return { response, html: await response.text(), url: twoStepUrl };
  const hop = await browser.follow(response);
  return { response: hop.response, html: await hop.response.text(), url: hop.url };
}

const totp = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
const secretOf = (html: string) => /data-secret>([A-Z2-7 ]+)</.exec(html)![1]!.replace(/\s/g, '');

/** Makes the account's IdP log-ins `seconds` old (as if the customer had logged in that long ago). */
async function ageLogins(accountId: string, seconds: number) {
  await db.sequelize.query(
    `update oidc_models set payload = jsonb_set(payload, '{loginTs}', to_jsonb(extract(epoch from now())::int - :seconds))
      where model = 'Session' and payload->>'accountId' = :accountId`,
    { replacements: { accountId, seconds } },
  );
}

async function auditCount(action: string, accountId: string) {
  const [row] = await db.sequelize.query<{ n: number }>('select count(*)::int as n from audit_events where action = :action and subject_id = :accountId', {
    replacements: { action, accountId },
    type: QueryTypes.SELECT,
  });
  return row!.n;
}
const notices = async (account: Account, event: string) =>
  (await notificationsTo(db.sequelize, account.email, 'security_notice')).filter((n) => n.data.event === event);

describe('the account pages without an IdP session', () => {
  it('send the customer through the IdP log-in and back to the page asked for, in their language', async () => {
    const account = await fixture();
    const browser = new Browser(idp.publicUrl.origin);
    const signedIn = await signIn(browser, account, '/account/change-password?lang=en');
    expect(signedIn.url).toBe(`${idp.publicUrl.origin}/account/change-password?lang=en`);
    expect(signedIn.html).toContain('<h1>Change your password</h1>');
    const security = await open(browser, '/account/security?lang=hu');
    expect(security.html).toContain('<h1>Fiókbiztonság</h1>');
    expect(security.html).toContain(account.name);
    expect(security.html).toContain('data-two-step="off"');
  });

  it('ignore a state that is not the one this browser was given (back to the page, which asks for a log-in again)', async () => {
    const browser = new Browser(idp.publicUrl.origin);
    const response = await browser.request('/account/signed-in?state=forged.change-password&code=x');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/account\/security\?/);
    expect((await open(browser, '/account/security')).url).toMatch(/\/interaction\//);
  });

  it('say so when the customer cancels the log-in, and offer to try again', async () => {
    const browser = new Browser(idp.publicUrl.origin);
    const login = await open(browser, '/account/security?lang=en');
    const cancelled = await browser.follow(await browser.request(`${new URL(login.url).pathname}/abort`, { form: {} }));
    expect(cancelled.url).toMatch(/\/account\/signed-in\?error=access_denied/);
    const html = await cancelled.response.text();
    expect(codes(html)).toEqual(['sign_in_cancelled']);
    expect(html).toContain('href="/account/sign-in?to=security&amp;lang=en"');
  });
});

describe('changing the password', () => {
  it('needs the current password, follows the registration rules, and says which field is wrong', async () => {
    const account = await fixture();
    const browser = new Browser(idp.publicUrl.origin);
    await signIn(browser, account, '/account/change-password?lang=hu');
    const post = async (form: Record<string, string>) => {
      const response = await browser.request('/account/change-password?lang=hu', { form });
      return { status: response.status, html: await response.text() };
    };
    const wrong = await post({ currentPassword: 'not-the-password', password: 'nyári zápor a Tiszán', passwordConfirm: 'nyári zápor a Tiszán' });
    expect(wrong.status).toBe(400);
    expect(codes(wrong.html)).toEqual(['current_password_wrong']);
    const short = await post({ currentPassword: PASSWORD, password: 'rövid', passwordConfirm: 'rövid' });
    expect(codes(short.html)).toEqual(['password_too_short']);
    const mismatch = await post({ currentPassword: PASSWORD, password: 'nyári zápor a Tiszán', passwordConfirm: 'téli zápor a Tiszán' });
    expect(codes(mismatch.html)).toEqual(['password_mismatch']);
    const [row] = await db.sequelize.query<{ password_hash: string }>('select password_hash from accounts where id = :id', {
      replacements: { id: account.id },
      type: QueryTypes.SELECT,
    });
    expect(await verifyPassword(PASSWORD, row!.password_hash)).toBe(true);
    expect(await notices(account, 'password_changed')).toHaveLength(0);
  });

  it('ends the other IdP sessions, grants and API sessions and every pending link, keeps this one, and sends a notice', async () => {
    const account = await fixture();
    const here = new Browser(idp.publicUrl.origin);
    const elsewhere = new Browser(idp.publicUrl.origin);
    await signIn(here, account);
    await signIn(elsewhere, account);
    const [partner] = await db.sequelize.query<{ client_id: string }>('select client_id from partner_clients limit 1', { type: QueryTypes.SELECT });
    await db.sequelize.query(
      `insert into bff_sessions (id_hash, customer_id, client_id, tokens, expires_at) values (:id, :customerId, :clientId, '{}', now() + interval '1 hour')`,
      { replacements: { id: `test-${account.id}`, customerId: account.customerId, clientId: partner!.client_id } },
    );
    // A pending e-mail change (someone who knew the old password asked for it): it must not outlive the change (issue 15, finding 1).
    const pending = await db.sequelize.transaction((t) => issueToken(db.sequelize, t, account.id, 'change_email', { newEmail: 'attacker@example.net' }));

    const response = await here.request('/account/change-password?lang=en', {
      form: { currentPassword: PASSWORD, password: 'nyári zápor a Tiszán', passwordConfirm: 'nyári zápor a Tiszán' },
    });
    expect(response.status).toBe(200);
    expect(codes(await response.text())).toEqual(['password_changed']);

    expect((await open(here, '/account/security')).html).toContain('data-section="passkeys"');
    expect((await open(elsewhere, '/account/security')).url).toMatch(/\/interaction\//);
    const [left] = await db.sequelize.query<{ sessions: number; grants: number; api: number }>(
      `select (select count(*)::int from oidc_models where model = 'Session' and payload->>'accountId' = :id) as sessions,
              (select count(*)::int from oidc_models where model = 'Grant' and payload->>'accountId' = :id) as grants,
              (select count(*)::int from bff_sessions where customer_id = :customerId) as api`,
      { replacements: { id: account.id, customerId: account.customerId }, type: QueryTypes.SELECT },
    );
    // This browser's IdP session and its grant (the account pages' log-in) stay; the other browser's are gone.
    expect(left).toEqual({ sessions: 1, grants: 1, api: 0 });
    expect(await peekToken(db.sequelize, pending.token, 'change_email')).toBeNull();
    const [stamped] = await db.sequelize.query<{ after: Date | null }>('select sessions_valid_after as after from accounts where id = :id', {
      replacements: { id: account.id },
      type: QueryTypes.SELECT,
    });
    expect(stamped!.after).not.toBeNull();
    const sent = await notices(account, 'password_changed');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.language).toBe('hu');
    expect(await auditCount('account.password_changed', account.id)).toBe(1);
  });

  it('is throttled: after 5 wrong current passwords even the right one is refused for a while', async () => {
    const account = await fixture();
    const browser = new Browser(idp.publicUrl.origin);
    await signIn(browser, account, '/account/change-password');
    const form = (current: string) => ({ form: { currentPassword: current, password: 'nyári zápor a Tiszán', passwordConfirm: 'nyári zápor a Tiszán' } });
    for (let i = 0; i < 5; i++) expect((await browser.request('/account/change-password', form(`wrong-${i}`))).status).toBe(400);
    const throttled = await browser.request('/account/change-password', form(PASSWORD));
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(codes(await throttled.text())).toEqual(['too_many_attempts']);
  });
});

describe('two-step log-in with an authenticator app', () => {
  let account: Account;
  let secret: string;
  let recovery: string[];

  beforeAll(async () => {
    account = await fixture();
  });

  it('enrols with a QR code and the key in text, checks a code, and shows 10 recovery codes once', async () => {
    const browser = new Browser(idp.publicUrl.origin);
    await signIn(browser, account);
    const start = await browser.request('/account/security/two-step/start?lang=en', { form: {} });
    const html = await start.text();
    expect(start.status).toBe(200);
    expect(html).toMatch(/<div class="qr" role="img" aria-label="[^"]+"><svg[^>]*>/);
    expect(html).not.toMatch(/<script(?![^>]*nonce)/);
    secret = secretOf(html);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const [stored] = await db.sequelize.query<{ secret_sealed: string }>('select secret_sealed from two_step where account_id = :id', {
      replacements: { id: account.id },
      type: QueryTypes.SELECT,
    });
    expect(stored!.secret_sealed).not.toContain(secret);

    const wrong = await browser.request('/account/security/two-step/confirm?lang=en', {
      form: { code: '000000' === totp(secret).generate() ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(400);
    expect(codes(await wrong.text())).toEqual(['code_invalid']);

    const confirmed = await browser.request('/account/security/two-step/confirm?lang=en', { form: { code: totp(secret).generate() } });
    const codesPage = await confirmed.text();
    expect(codes(codesPage)).toEqual(['two_step_enabled']);
    recovery = [...codesPage.matchAll(/<li><code>([A-Z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    expect(await readAccountSecurityStatus(db.sequelize, account.id)).toMatchObject({ twoStep: { enabled: true, recoveryCodesLeft: 10 } });
    const [hashes] = await db.sequelize.query<{ joined: string }>("select string_agg(code_hash, ',') as joined from recovery_codes where account_id = :id", {
      replacements: { id: account.id },
      type: QueryTypes.SELECT,
    });
    for (const code of recovery) expect(hashes!.joined).not.toContain(code);
    expect(await notices(account, 'two_step_enabled')).toHaveLength(1);
    expect(await auditCount('account.two_step_enabled', account.id)).toBe(1);
    // Shown once: the overview has only the count.
    const overview = await open(browser, '/account/security');
    expect(overview.html).toContain('data-two-step="on"');
    expect(overview.html).not.toContain(recovery[0]!);
  });

  it('asks for a code after the password: the password alone does not let anyone in, a used code is refused', async () => {
    const browser = new Browser(idp.publicUrl.origin);
    const step = await signIn(browser, account);
    expect(step.url).toMatch(/\/interaction\/[^/]+\/two-step$/);
    // The login is not done: the security page still wants a log-in.
    const stranger = await open(browser, '/account/security');
    expect(stranger.url).toMatch(/\/interaction\/[^/]+$/);

    // A code for a step after the last one used (the enrolment's) lets the customer in …
    const [row] = await db.sequelize.query<{ last: string }>('select last_used_step as last from two_step where account_id = :id', {
      replacements: { id: account.id },
      type: QueryTypes.SELECT,
    });
    const unused = Math.max(Number(row!.last) + 1, TOTP.counter());
    const code = totp(secret).generate({ timestamp: unused * 30_000 });
    const again = await signIn(browser, account);
    const done = await answerCode(browser, again.url, code);
    expect(done.url).toBe(`${idp.publicUrl.origin}/account/security?lang=hu`);
    expect(done.html).toContain('data-two-step="on"');
    // … once: the same code, still inside its time window, is refused at the next log-in.
    const other = new Browser(idp.publicUrl.origin);
    const replay = await signIn(other, account);
    const reused = await answerCode(other, replay.url, code);
    expect(reused.response.status).toBe(400);
    expect(codes(reused.html)).toEqual(['code_invalid']);
  });

  it('takes a recovery code once, and sends a notice when one is used', async () => {
    const first = new Browser(idp.publicUrl.origin);
    const step = await signIn(first, account);
    const done = await answerCode(first, step.url, recovery[0]!.toLowerCase());
    expect(done.url).toMatch(/\/account\/security/);
    expect(await notices(account, 'recovery_code_used')).toHaveLength(1);
    expect(await auditCount('account.recovery_code_used', account.id)).toBe(1);

    const second = new Browser(idp.publicUrl.origin);
    const again = await signIn(second, account);
    const refused = await answerCode(second, again.url, recovery[0]!);
    expect(refused.response.status).toBe(400);
    expect(codes(refused.html)).toEqual(['code_invalid']);
    expect((await readAccountSecurityStatus(db.sequelize, account.id)).twoStep.recoveryCodesLeft).toBe(9);
  });

  it('throttles codes per account: after 5 wrong ones even a right code waits', async () => {
    const browser = new Browser(idp.publicUrl.origin);
    const step = await signIn(browser, account);
    for (let i = 0; i < 5; i++) expect((await answerCode(browser, step.url, `99999${i}`)).response.status).toBe(400);
    const throttled = await answerCode(browser, step.url, totp(secret).generate({ timestamp: Date.now() + 30_000 }));
    expect(throttled.response.status).toBe(429);
    expect(codes(throttled.html)).toEqual(['too_many_attempts']);
  });

  it('makes a new set of recovery codes after a recent log-in: shown once, the old ones stop at once, a notice; throttled', async () => {
    const browser = new Browser(idp.publicUrl.origin);
    const step = await signIn(browser, account);
    await answerCode(browser, step.url, recovery[2]!);
    const overview = await open(browser, '/account/security?lang=hu');
    expect(overview.html).toContain('action="/account/security/two-step/recovery-codes?lang=hu"');

    // A log-in older than 5 minutes: back to the log-in first, and the old codes stay.
    await ageLogins(account.id, 6 * 60);
    const stale = await browser.request('/account/security/two-step/recovery-codes?lang=hu', { form: {} });
    expect(stale.status).toBe(303);
    expect(stale.headers.get('location')).toBe('/account/sign-in?to=security&lang=hu&fresh=1');
    expect(await notices(account, 'recovery_codes_regenerated')).toHaveLength(0);

    await ageLogins(account.id, 60);
    const made = await browser.request('/account/security/two-step/recovery-codes?lang=en', { form: {} });
    expect(made.status).toBe(200);
    const page = await made.text();
    expect(codes(page)).toEqual(['recovery_codes_regenerated']);
    const fresh = [...page.matchAll(/<li><code>([A-Z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((code) => recovery.includes(code))).toEqual([]);
    expect((await readAccountSecurityStatus(db.sequelize, account.id)).twoStep.recoveryCodesLeft).toBe(10);
    const sent = await notices(account, 'recovery_codes_regenerated');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.language).toBe('hu');
    expect(await auditCount('account.recovery_codes_regenerated', account.id)).toBe(1);
    // Shown once: the overview has only the count.
    expect((await open(browser, '/account/security')).html).not.toContain(fresh[0]!);

    // An old, never-used code no longer lets anyone in; a new one does.
    const old = new Browser(idp.publicUrl.origin);
    const oldStep = await signIn(old, account);
    const refused = await answerCode(old, oldStep.url, recovery[3]!);
    expect(refused.response.status).toBe(400);
    expect(codes(refused.html)).toEqual(['code_invalid']);
    const done = await answerCode(old, oldStep.url, fresh[0]!);
    expect(done.url).toMatch(/\/account\/security/);

    // Each set sends a notice: 5 an hour per account, then 429 and nothing changes.
    let latest = fresh;
    for (let i = 1; i < 5; i++) {
      const again = await browser.request('/account/security/two-step/recovery-codes', { form: {} });
      expect(again.status).toBe(200);
      latest = [...(await again.text()).matchAll(/<li><code>([A-Z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);
    }
    const [before] = await db.sequelize.query<{ hashes: string }>(
      "select string_agg(code_hash, ',' order by code_hash) as hashes from recovery_codes where account_id = :id",
      {
        replacements: { id: account.id },
        type: QueryTypes.SELECT,
      },
    );
    const throttled = await browser.request('/account/security/two-step/recovery-codes?lang=hu', { form: {} });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(codes(await throttled.text())).toEqual(['too_many_attempts']);
    const [after] = await db.sequelize.query<{ hashes: string }>(
      "select string_agg(code_hash, ',' order by code_hash) as hashes from recovery_codes where account_id = :id",
      {
        replacements: { id: account.id },
        type: QueryTypes.SELECT,
      },
    );
    expect(after!.hashes).toBe(before!.hashes);
    expect(await notices(account, 'recovery_codes_regenerated')).toHaveLength(5);
    // The next test logs in with the newest set.
    recovery = latest;
  });

  it('turning it off needs a log-in from the last 5 minutes', async () => {
    const browser = new Browser(idp.publicUrl.origin);
    const step = await signIn(browser, account);
    await answerCode(browser, step.url, recovery[1]!);
    await ageLogins(account.id, 6 * 60);
    const stale = await browser.request('/account/security/two-step/disable?lang=hu', { form: {} });
    expect(stale.status).toBe(303);
    expect(stale.headers.get('location')).toBe('/account/sign-in?to=security&lang=hu&fresh=1');
    expect(await readAccountSecurityStatus(db.sequelize, account.id)).toMatchObject({ twoStep: { enabled: true } });
    // The sign-in asks for a new log-in (prompt=login), whatever the session.
    const relogin = await browser.follow(stale);
    expect(relogin.url).toMatch(/\/interaction\/[^/]+$/);
    await relogin.response.arrayBuffer();

    await ageLogins(account.id, 60);
    const fresh = await browser.request('/account/security/two-step/disable?lang=hu', { form: {} });
    expect(fresh.headers.get('location')).toBe('/account/security?lang=hu&done=two_step_disabled');
    expect(await readAccountSecurityStatus(db.sequelize, account.id)).toEqual({ passkeys: [], twoStep: { enabled: false, recoveryCodesLeft: 0 } });
    expect(await notices(account, 'two_step_disabled')).toHaveLength(1);
    // And the password alone is enough again.
    const plain = await signIn(new Browser(idp.publicUrl.origin), account);
    expect(plain.url).toMatch(/\/account\/security/);
  });
});

describe('passkeys, without a browser', () => {
  it('refuse hostile answers: no JSON, a forged credential, a ticket used twice, an expired interaction', async () => {
    const account = await fixture();
    const browser = new Browser(idp.publicUrl.origin);
    await signIn(browser, account);
    const options = await browser.request('/account/security/passkeys/options', { form: {} });
    const { ticket } = (await options.json()) as { ticket: string };
    for (const response of [
      'not json',
      '{"id":"x","type":"public-key","response":{}}',
      JSON.stringify({ id: 'A'.repeat(43), type: 'public-key', response: { clientDataJSON: '<script>' } }),
    ]) {
      const answer = await browser.request('/account/security/passkeys?lang=en', { form: { name: '<b>laptop</b>', ticket, response } });
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe('/account/security?lang=en&done=passkey_failed');
    }
    expect((await readAccountSecurityStatus(db.sequelize, account.id)).passkeys).toEqual([]);
    expect(await notices(account, 'passkey_added')).toHaveLength(0);

    // The log-in side: no session needed, and nothing gets in.
    const stranger = new Browser(idp.publicUrl.origin);
    const login = await open(stranger, '/account/security');
    const uid = /\/interaction\/([^/]+)$/.exec(login.url)![1]!;
    const loginOptions = await stranger.request(`/interaction/${uid}/passkey/options`, { form: {} });
    const ceremony = (await loginOptions.json()) as { ticket: string; options: { challenge: string; allowCredentials?: unknown[] } };
    expect(ceremony.options.allowCredentials ?? []).toEqual([]);
    const forged = await stranger.request(`/interaction/${uid}/passkey?lang=en`, {
      form: { ticket: ceremony.ticket, response: JSON.stringify({ id: 'B'.repeat(43), rawId: 'B'.repeat(43), type: 'public-key', response: {} }) },
    });
    expect(forged.headers.get('location')).toBe(`/interaction/${uid}?lang=en&passkey=failed`);
    const page = await open(stranger, forged.headers.get('location')!);
    expect(page.html).toContain('Logging in with the passkey did not work.');
    const expired = await new Browser(idp.publicUrl.origin).request(`/interaction/${uid}/passkey/options`, { form: {} });
    expect(expired.status).toBe(400);
  });

  it('are removed only after a recent log-in, with a notice; another account cannot remove them', async () => {
    const account = await fixture();
    const intruder = await fixture();
    const [passkey] = await db.sequelize.query<{ id: string }>(
      `insert into passkeys (account_id, credential_id, public_key, name) values (:id, :credentialId, '\\x00', 'Telefon') returning id`,
      { replacements: { id: account.id, credentialId: 'C'.repeat(43) }, type: QueryTypes.SELECT },
    );
    const other = new Browser(idp.publicUrl.origin);
    await signIn(other, intruder);
    expect((await other.request(`/account/security/passkeys/${passkey!.id}/remove`, { form: {} })).headers.get('location')).toMatch(/done=passkey_failed/);

    const browser = new Browser(idp.publicUrl.origin);
    await signIn(browser, account);
    const overview = await open(browser, '/account/security?lang=hu');
    expect(overview.html).toContain('value="Telefon"');
    await ageLogins(account.id, 6 * 60);
    const stale = await browser.request(`/account/security/passkeys/${passkey!.id}/remove?lang=hu`, { form: {} });
    expect(stale.headers.get('location')).toBe('/account/sign-in?to=security&lang=hu&fresh=1');
    await ageLogins(account.id, 0);
    const removed = await browser.request(`/account/security/passkeys/${passkey!.id}/remove?lang=hu`, { form: {} });
    expect(removed.headers.get('location')).toBe('/account/security?lang=hu&done=passkey_removed');
    expect((await readAccountSecurityStatus(db.sequelize, account.id)).passkeys).toEqual([]);
    expect(await notices(account, 'passkey_removed')).toHaveLength(1);
    expect(await auditCount('account.passkey_removed', account.id)).toBe(1);
  });
});

describe('the hostile-input corpus on the account-security forms', () => {
  const names = Object.keys(HOSTILE) as HostileName[];
  const expectSafe = (html: string, name: HostileName) => {
    for (const raw of RAW_MARKUP) expect(html).not.toContain(raw);
    if (MARKUP.includes(name) && html.includes('alert(1)')) expect(ESCAPED[name]!.some((escaped) => html.includes(escaped))).toBe(true);
  };

  it('refuses every hostile value in the password change, the two-step codes and passkey names, changing nothing', async () => {
    const account = await fixture();
    const browser = new Browser(idp.publicUrl.origin);
    await signIn(browser, account);
    const [before] = await db.sequelize.query<{ hash: string }>('select password_hash as hash from accounts where id = :id', {
      replacements: { id: account.id },
      type: QueryTypes.SELECT,
    });
    await db.sequelize.query(`insert into passkeys (account_id, credential_id, public_key, name) values (:id, :credentialId, '\\x00', 'Telefon')`, {
      replacements: { id: account.id, credentialId: 'D'.repeat(43) },
    });
    const [passkey] = await db.sequelize.query<{ id: string }>('select id from passkeys where account_id = :id', {
      replacements: { id: account.id },
      type: QueryTypes.SELECT,
    });
    await browser.request('/account/security/two-step/start', { form: {} });

    for (const name of names) {
      const value = HOSTILE[name];
      await db.sequelize.query('delete from rate_limits');
      const wrongCurrent = await browser.request('/account/change-password?lang=en', {
        form: { currentPassword: value, password: 'nyári zápor a Tiszán', passwordConfirm: 'nyári zápor a Tiszán' },
      });
      expect(wrongCurrent.status, name).toBe(400);
      expectSafe(await wrongCurrent.text(), name);
      const badNew = await browser.request('/account/change-password?lang=en', {
        form: { currentPassword: PASSWORD, password: value, passwordConfirm: `${value}x` },
      });
      expect(badNew.status, name).toBe(400);
      expectSafe(await badNew.text(), name);

      const enrolCode = await browser.request('/account/security/two-step/confirm?lang=en', { form: { code: value } });
      expect(enrolCode.status, name).toBe(400);
      expect(codes(await enrolCode.text()), name).toEqual(['code_invalid']);

      const rename = await browser.request(`/account/security/passkeys/${passkey!.id}/rename?lang=en`, { form: { [`name-${passkey!.id}`]: value } });
      // A lone surrogate cannot travel in a UTF-8 form: it arrives as U+FFFD, a visible character.
      if (UNPRINTABLE.includes(name) && name !== 'loneSurrogate')
        expect(rename.headers.get('location'), name).toBe('/account/security?lang=en&done=passkey_name_invalid');
      else expectSafe((await open(browser, '/account/security?lang=en')).html, name);
    }
    const [after] = await db.sequelize.query<{ hash: string }>('select password_hash as hash from accounts where id = :id', {
      replacements: { id: account.id },
      type: QueryTypes.SELECT,
    });
    expect(after!.hash).toBe(before!.hash);
    expect(await readAccountSecurityStatus(db.sequelize, account.id)).toMatchObject({ twoStep: { enabled: false, recoveryCodesLeft: 0 } });
    expect(await notificationsTo(db.sequelize, account.email, 'security_notice')).toHaveLength(0);
  }, 120_000);
});
