import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import * as oidc from 'openid-client';
import { useTestDatabase } from '../../../support/database.ts';
import {
  api,
  BROKER_ORIGIN,
  COMPANY,
  FOREIGN_ORIGIN,
  loginSession,
  oauthError,
  openTokens,
  OTHER_PARTNER_ORIGIN,
  PERSON,
  relyingParty,
  rememberTokens,
  sessionRows,
  sessionSetCookie,
  startPortal,
  type RunningPortal,
  type SessionRow,
} from './harness.ts';

const db = useTestDatabase();
let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
});
afterAll(() => portal?.close());

const hashOf = (cookie: string) => createHash('sha256').update(cookie).digest('hex');

async function rowOf(cookie: string): Promise<SessionRow | undefined> {
  return (await sessionRows(portal)).find((r) => r.id_hash === hashOf(cookie));
}

async function expireAccessToken(cookie: string): Promise<void> {
  await db.sequelize.query(
    `update bff_sessions set tokens = jsonb_set(tokens, '{accessExpiresAt}', to_jsonb(now() - interval '1 second')) where id_hash = :h`,
    { replacements: { h: hashOf(cookie) } },
  );
}

async function audit(action: string, clientId: string): Promise<Array<{ metadata: Record<string, unknown>; customer_id: number }>> {
  return db.sequelize.query(`select metadata, customer_id from audit_events where action = :action and client_id = :clientId order by id`, {
    replacements: { action, clientId },
    type: QueryTypes.SELECT,
  });
}

const brokerLogin = () => loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont' });

describe('GET /api/session', () => {
  it('answers { authenticated: false } without a cookie', async () => {
    const { response, json } = await api(portal, '/api/session', { origin: BROKER_ORIGIN });
    expect(response.status).toBe(200);
    expect(json).toEqual({ authenticated: false });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers the customer and partner for the cookie, from the partner\'s origin, with X-GP-Request', async () => {
    const { cookie } = await brokerLogin();
    const { response, json } = await api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie });
    expect(response.status).toBe(200);
    expect(json).toEqual({
      authenticated: true,
      customer: { name: PERSON.name, customerNumber: PERSON.customerNumber, kind: 'person' },
      clientId: 'biztos-pont',
      partner: { name: 'Biztos Pont Alkusz Kft.' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(BROKER_ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('vary')).toContain('Origin');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses the same cookie from another registered partner\'s origin (403 origin_not_allowed)', async () => {
    const { cookie } = await brokerLogin();
    const { response, json } = await api(portal, '/api/session', { origin: OTHER_PARTNER_ORIGIN, cookie });
    expect(response.status).toBe(403);
    expect(json.code).toBe('origin_not_allowed');
    // A registered origin: the browser may read the refusal.
    expect(response.headers.get('access-control-allow-origin')).toBe(OTHER_PARTNER_ORIGIN);
    expect(sessionSetCookie(response)).toBeUndefined();
    // … and the session itself is untouched.
    expect((await api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie })).json.authenticated).toBe(true);
  });

  it('refuses it from an unregistered origin, with no CORS header at all, and without any origin', async () => {
    const { cookie } = await brokerLogin();
    const foreign = await api(portal, '/api/session', { origin: FOREIGN_ORIGIN, cookie });
    expect(foreign.response.status).toBe(403);
    expect(foreign.json.code).toBe('origin_not_allowed');
    for (const [name] of foreign.response.headers) expect(name.startsWith('access-control-'), name).toBe(false);
    const none = await api(portal, '/api/session', { origin: null, cookie });
    expect(none.response.status).toBe(403);
    expect(none.json.code).toBe('origin_not_allowed');
    // A cross-site "same-origin" claim is not believed: only the browser's own Sec-Fetch-Site counts, and it can't say so cross-site.
    const claimed = await api(portal, '/api/session', { origin: null, cookie, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(claimed.json.code).toBe('origin_not_allowed');
  });

  it('refuses the cookie without X-GP-Request (403 missing_request_header)', async () => {
    const { cookie } = await brokerLogin();
    for (const value of [null, '0', 'true']) {
      const { response, json } = await api(portal, '/api/session', {
        origin: BROKER_ORIGIN,
        cookie,
        gp: false,
        headers: value === null ? {} : { 'x-gp-request': value },
      });
      expect(response.status, String(value)).toBe(403);
      expect(json.code).toBe('missing_request_header');
    }
  });

  it('serves the insurer\'s own portal page on its own origin, also for a same-origin GET without an Origin header', async () => {
    const { cookie } = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: COMPANY });
    const withOrigin = await api(portal, '/api/session', { origin: portal.origin, cookie });
    expect(withOrigin.json).toMatchObject({ authenticated: true, clientId: 'portal', customer: { kind: 'company', name: COMPANY.name } });
    const sameOrigin = await api(portal, '/api/session', { origin: null, cookie, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.response.status).toBe(200);
    expect(sameOrigin.json.customer.customerNumber).toBe(COMPANY.customerNumber);
    // That session is the portal's: useless on a broker's site.
    expect((await api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie })).json.code).toBe('origin_not_allowed');
  });

  it('answers 401 session_expired for an unknown cookie, and clears it', async () => {
    const { response, json } = await api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie: 'A'.repeat(43) });
    expect(response.status).toBe(401);
    expect(json.code).toBe('session_expired');
    const cleared = sessionSetCookie(response)!;
    expect(cleared.value).toBe('');
    expect(cleared.maxAge).toBe(0);
    expect(cleared.attributes).toEqual(expect.arrayContaining(['Path=/', 'Secure', 'HttpOnly', 'SameSite=None', 'Partitioned']));
    expect(response.headers.get('access-control-allow-origin')).toBe(BROKER_ORIGIN);
  });
});

describe('session lifetime', () => {
  it('ends after 8 hours without use (401 session_expired, row deleted, audited)', async () => {
    const { cookie } = await brokerLogin();
    await db.sequelize.query(`update bff_sessions set expires_at = now() - interval '1 second' where id_hash = :h`, { replacements: { h: hashOf(cookie) } });
    const { response, json } = await api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie });
    expect(response.status).toBe(401);
    expect(json.code).toBe('session_expired');
    expect(sessionSetCookie(response)?.maxAge).toBe(0);
    expect(await rowOf(cookie)).toBeUndefined();
    expect((await audit('session.ended', 'biztos-pont')).some((e) => e.metadata.reason === 'expired')).toBe(true);
  });

  it('ends 30 days after the login whatever the use', async () => {
    const { cookie } = await brokerLogin();
    await db.sequelize.query(`update bff_sessions set created_at = now() - interval '30 days 1 second' where id_hash = :h`, { replacements: { h: hashOf(cookie) } });
    expect((await api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie })).json.code).toBe('session_expired');
  });

  it('moves the idle expiry (and the cookie\'s Max-Age) forward when used, at most once a minute', async () => {
    const { cookie } = await brokerLogin();
    const quiet = await api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie });
    expect(sessionSetCookie(quiet.response)).toBeUndefined();
    await db.sequelize.query(
      `update bff_sessions set last_seen_at = now() - interval '2 hours', expires_at = now() + interval '6 hours' where id_hash = :h`,
      { replacements: { h: hashOf(cookie) } },
    );
    const used = await api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie });
    const renewed = sessionSetCookie(used.response)!;
    expect(renewed.value).toBe(cookie);
    expect(renewed.maxAge).toBeGreaterThan(8 * 3600 - 10);
    expect(renewed.maxAge).toBeLessThanOrEqual(8 * 3600);
    expect(renewed.attributes).toEqual(expect.arrayContaining(['Partitioned', 'SameSite=None', 'Secure', 'HttpOnly', 'Path=/']));
    const row = (await rowOf(cookie))!;
    expect(row.expires_at.getTime() - Date.now()).toBeGreaterThan(8 * 3600_000 - 60_000);
  });

  it('renews once when many requests of the session find it due at the same time', async () => {
    const { cookie } = await brokerLogin();
    await db.sequelize.query(
      `update bff_sessions set last_seen_at = now() - interval '2 hours', expires_at = now() + interval '6 hours' where id_hash = :h`,
      { replacements: { h: hashOf(cookie) } },
    );
    const answers = await Promise.all(Array.from({ length: 12 }, () => api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie })));
    expect(answers.map((a) => a.response.status)).toEqual(Array(12).fill(200));
    expect(answers.filter((a) => sessionSetCookie(a.response) !== undefined)).toHaveLength(1);
    expect((await rowOf(cookie))!.expires_at.getTime() - Date.now()).toBeGreaterThan(8 * 3600_000 - 60_000);
  });

  it('ends a session of a partner that has been deactivated', async () => {
    const { cookie } = await loginSession(portal, { origin: OTHER_PARTNER_ORIGIN, clientId: 'duna-alkusz' });
    await db.sequelize.query(`update partner_clients set active = false where client_id = 'duna-alkusz'`);
    try {
      const { response, json } = await api(portal, '/api/session', { origin: OTHER_PARTNER_ORIGIN, cookie });
      expect(response.status).toBe(401);
      expect(json.code).toBe('session_expired');
      expect(await rowOf(cookie)).toBeUndefined();
    } finally {
      await db.sequelize.query(`update partner_clients set active = true where client_id = 'duna-alkusz'`);
    }
  });
});

describe('refreshing the access token', () => {
  it('refreshes once (two requests at the same time) when it is about to expire, and the session keeps working', async () => {
    const { cookie } = await brokerLogin();
    const before = (await rowOf(cookie))!;
    const oldTokens = openTokens(before);
    await expireAccessToken(cookie);
    const refreshesBefore = portal.logs.filter((l) => l.event === 'bff_session_refreshed').length;

    const [a, b] = await Promise.all([
      api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie }),
      api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie }),
    ]);
    expect(a.response.status).toBe(200);
    expect(b.response.status).toBe(200);
    expect(a.json.authenticated && b.json.authenticated).toBe(true);
    expect(portal.logs.filter((l) => l.event === 'bff_session_refreshed').length - refreshesBefore).toBe(1);

    const after = (await rowOf(cookie))!;
    const newTokens = openTokens(after);
    expect(newTokens.accessToken).not.toBe(oldTokens.accessToken);
    expect(newTokens.refreshToken).not.toBe(oldTokens.refreshToken);
    expect(after.tokens.lease).toBeUndefined();
    const expiresIn = (new Date(after.tokens.accessExpiresAt!).getTime() - Date.now()) / 1000;
    expect(expiresIn).toBeGreaterThan(240);
    expect(expiresIn).toBeLessThanOrEqual(300);
    await rememberTokens(portal);

    // Still good later, without another refresh (the new token has 5 minutes) …
    expect((await api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie })).json.authenticated).toBe(true);
    expect(portal.logs.filter((l) => l.event === 'bff_session_refreshed').length - refreshesBefore).toBe(1);
    // … and the rotated refresh token is the live one at the IdP: a second forced refresh works too.
    await expireAccessToken(cookie);
    expect((await api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie })).response.status).toBe(200);
    expect(portal.logs.filter((l) => l.event === 'bff_session_refreshed').length - refreshesBefore).toBe(2);
    await rememberTokens(portal);
  });

  it('waits for another process\'s refresh instead of starting a second one', async () => {
    const { cookie } = await brokerLogin();
    await expireAccessToken(cookie);
    // Another process holds the lease …
    await db.sequelize.query(
      `update bff_sessions set tokens = tokens || jsonb_build_object('lease', 'other', 'leaseUntil', now() + interval '20 seconds') where id_hash = :h`,
      { replacements: { h: hashOf(cookie) } },
    );
    const refreshesBefore = portal.logs.filter((l) => l.event === 'bff_session_refreshed').length;
    const pending = api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie });
    await new Promise((resolve) => setTimeout(resolve, 400));
    // … and stores its result (here: simply a later expiry), releasing the lease.
    await db.sequelize.query(
      `update bff_sessions set tokens = (tokens - 'lease' - 'leaseUntil') || jsonb_build_object('accessExpiresAt', now() + interval '5 minutes') where id_hash = :h`,
      { replacements: { h: hashOf(cookie) } },
    );
    const { response } = await pending;
    expect(response.status).toBe(200);
    expect(portal.logs.filter((l) => l.event === 'bff_session_refreshed').length).toBe(refreshesBefore);
  });

  it('ends the session when the IdP refuses the refresh (401 session_expired, cookie cleared, audited)', async () => {
    const { cookie } = await brokerLogin();
    const row = (await rowOf(cookie))!;
    // The grant is revoked at the IdP behind the API's back (e.g. reuse detection, a password reset).
    await oidc.tokenRevocation(await relyingParty(portal, 'biztos-pont'), openTokens(row).refreshToken);
    await expireAccessToken(cookie);
    const { response, json } = await api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie });
    expect(response.status).toBe(401);
    expect(json.code).toBe('session_expired');
    expect(sessionSetCookie(response)?.maxAge).toBe(0);
    expect(await rowOf(cookie)).toBeUndefined();
    expect((await audit('session.ended', 'biztos-pont')).some((e) => e.metadata.reason === 'refresh_failed')).toBe(true);
    expect(portal.logs.some((l) => l.event === 'bff_session_refresh_refused')).toBe(true);
  });
});

describe('DELETE /api/session (logout)', () => {
  it('revokes the refresh token at the IdP, deletes the session, clears the cookie, and audits', async () => {
    const { cookie } = await brokerLogin();
    const { refreshToken } = openTokens((await rowOf(cookie))!);
    const { response, text } = await api(portal, '/api/session', { method: 'DELETE', origin: BROKER_ORIGIN, cookie });
    expect(response.status).toBe(204);
    expect(text).toBe('');
    expect(response.headers.get('access-control-allow-origin')).toBe(BROKER_ORIGIN);
    const cleared = sessionSetCookie(response)!;
    expect(cleared.maxAge).toBe(0);
    expect(cleared.attributes).toEqual(expect.arrayContaining(['Partitioned', 'Secure', 'Path=/', 'SameSite=None', 'HttpOnly']));
    expect(await rowOf(cookie)).toBeUndefined();

    expect(await oauthError(oidc.refreshTokenGrant(await relyingParty(portal, 'biztos-pont'), refreshToken))).toBe('invalid_grant');
    expect((await audit('session.ended', 'biztos-pont')).some((e) => e.metadata.reason === 'logout')).toBe(true);
    // The cookie is dead.
    const after = await api(portal, '/api/session', { origin: BROKER_ORIGIN, cookie });
    expect(after.response.status).toBe(401);
    expect(after.json.code).toBe('session_expired');
    // Logging out again is fine.
    expect((await api(portal, '/api/session', { method: 'DELETE', origin: BROKER_ORIGIN, cookie })).response.status).toBe(204);
  });

  it('with ?endIdpSession=1 answers the IdP\'s end-session URL (no ID token in it)', async () => {
    const { cookie } = await brokerLogin();
    const { response, json } = await api(portal, '/api/session?endIdpSession=1', { method: 'DELETE', origin: BROKER_ORIGIN, cookie });
    expect(response.status).toBe(200);
    const url = new URL(json.endSessionUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${portal.issuer}/session/end`);
    expect(url.searchParams.get('client_id')).toBe('biztos-pont');
    expect(url.searchParams.has('id_token_hint')).toBe(false);
    expect(await rowOf(cookie)).toBeUndefined();
  });

  it('refuses a logout without X-GP-Request or from another partner\'s origin, leaving the session alone', async () => {
    const { cookie } = await brokerLogin();
    const noHeader = await api(portal, '/api/session', { method: 'DELETE', origin: BROKER_ORIGIN, cookie, gp: false });
    expect(noHeader.json.code).toBe('missing_request_header');
    const otherOrigin = await api(portal, '/api/session', { method: 'DELETE', origin: OTHER_PARTNER_ORIGIN, cookie });
    expect(otherOrigin.response.status).toBe(403);
    expect(otherOrigin.json.code).toBe('origin_not_allowed');
    expect(sessionSetCookie(otherOrigin.response)).toBeUndefined();
    expect(await rowOf(cookie)).toBeDefined();
  });
});

describe('what a browser and the logs can see', () => {
  it('no token or session id ever appears in a response body, a Location or a URL, nor in the log', async () => {
    expect(portal.secrets.size).toBeGreaterThan(10);
    const everything = portal.seen.join('\n');
    for (const secret of portal.secrets) expect(everything.includes(secret), 'a secret leaked').toBe(false);
    const logged = JSON.stringify(portal.logs);
    for (const secret of portal.secrets) expect(logged.includes(secret), 'a secret was logged').toBe(false);
  });
});
