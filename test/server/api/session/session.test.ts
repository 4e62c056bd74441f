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
  startPortal,
  type RunningPortal,
  type BrowserSession,
  type SessionRow,
} from './harness.ts';

const db = useTestDatabase();
let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
});
afterAll(() => portal?.close());

const hashOf = (session: BrowserSession) => createHash('sha256').update(session.handle).digest('hex');

async function rowOf(session: BrowserSession): Promise<SessionRow | undefined> {
  return (await sessionRows(portal)).find((r) => r.id_hash === hashOf(session));
}

async function expireAccessToken(session: BrowserSession): Promise<void> {
  await db.sequelize.query(
    `update bff_sessions set tokens = jsonb_set(tokens, '{accessExpiresAt}', to_jsonb(now() - interval '1 second')) where id_hash = :h`,
    { replacements: { h: hashOf(session) } },
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
  it('answers { authenticated: false } without a session', async () => {
    const { response, json } = await api(portal, '/api/session', { origin: BROKER_ORIGIN });
    expect(response.status).toBe(200);
    expect(json).toEqual({ authenticated: false });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it("answers the customer and partner for the handle and its proof, from the partner's origin, with X-GP-Request", async () => {
    const { session } = await brokerLogin();
    const { response, json } = await api(portal, '/api/session', { origin: BROKER_ORIGIN, session });
    expect(response.status).toBe(200);
    expect(json).toEqual({
      authenticated: true,
      customer: { name: PERSON.name, customerNumber: PERSON.customerNumber, kind: 'person' },
      clientId: 'biztos-pont',
      partner: { name: 'Biztos Pont Alkusz Kft.' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(BROKER_ORIGIN);
    // No cookie rides along, so credentials are not allowed: the session is the handle and the proof.
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.headers.get('vary')).toContain('Origin');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it("refuses the same session from another registered partner's origin (403 origin_not_allowed)", async () => {
    const { session } = await brokerLogin();
    const { response, json } = await api(portal, '/api/session', { origin: OTHER_PARTNER_ORIGIN, session });
    expect(response.status).toBe(403);
    expect(json.code).toBe('origin_not_allowed');
    // A registered origin: the browser may read the refusal.
    expect(response.headers.get('access-control-allow-origin')).toBe(OTHER_PARTNER_ORIGIN);
    expect(response.headers.getSetCookie()).toEqual([]);
    // … and the session itself is untouched.
    expect((await api(portal, '/api/session', { origin: BROKER_ORIGIN, session })).json.authenticated).toBe(true);
  });

  it('refuses it from an unregistered origin, with no CORS header at all, and without any origin', async () => {
    const { session } = await brokerLogin();
    const foreign = await api(portal, '/api/session', { origin: FOREIGN_ORIGIN, session });
    expect(foreign.response.status).toBe(403);
    expect(foreign.json.code).toBe('origin_not_allowed');
    for (const [name] of foreign.response.headers) expect(name.startsWith('access-control-'), name).toBe(false);
    const none = await api(portal, '/api/session', { origin: null, session });
    expect(none.response.status).toBe(403);
    expect(none.json.code).toBe('origin_not_allowed');
    // A cross-site "same-origin" claim is not believed: only the browser's own Sec-Fetch-Site counts, and it can't say so cross-site.
    const claimed = await api(portal, '/api/session', { origin: null, session, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(claimed.json.code).toBe('origin_not_allowed');
  });

  it('refuses the session without X-GP-Request (403 missing_request_header)', async () => {
    const { session } = await brokerLogin();
    for (const value of [null, '0', 'true']) {
      const { response, json } = await api(portal, '/api/session', {
        origin: BROKER_ORIGIN,
        session,
        gp: false,
        headers: value === null ? {} : { 'x-gp-request': value },
      });
      expect(response.status, String(value)).toBe(403);
      expect(json.code).toBe('missing_request_header');
    }
  });

  it("serves the insurer's own portal page on its own origin, also for a same-origin GET without an Origin header", async () => {
    const { session } = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: COMPANY });
    const withOrigin = await api(portal, '/api/session', { origin: portal.origin, session });
    expect(withOrigin.json).toMatchObject({ authenticated: true, clientId: 'portal', customer: { kind: 'company', name: COMPANY.name } });
    const sameOrigin = await api(portal, '/api/session', { origin: null, session, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.response.status).toBe(200);
    expect(sameOrigin.json.customer.customerNumber).toBe(COMPANY.customerNumber);
    // That session is the portal's: useless on a broker's site.
    expect((await api(portal, '/api/session', { origin: BROKER_ORIGIN, session })).json.code).toBe('origin_not_allowed');
  });

  it('answers 401 session_expired for an unknown handle, even with a valid proof of some key', async () => {
    const { session } = await brokerLogin();
    const { response, json } = await api(portal, '/api/session', { origin: BROKER_ORIGIN, session: { ...session, handle: 'A'.repeat(43) } });
    expect(response.status).toBe(401);
    expect(json.code).toBe('session_expired');
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.headers.get('access-control-allow-origin')).toBe(BROKER_ORIGIN);
  });
});

describe('session lifetime', () => {
  it('lasts 30 minutes without use by default, and so does the IdP’s refresh token behind it', async () => {
    const { session } = await brokerLogin();
    const minutesLeft = ((await rowOf(session))!.expires_at.getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(29);
    expect(minutesLeft).toBeLessThanOrEqual(30);
    const [refresh] = await db.sequelize.query<{ expires_at: Date }>(
      `select expires_at from oidc_models where model = 'RefreshToken' order by expires_at desc limit 1`,
      { type: QueryTypes.SELECT },
    );
    const refreshMinutesLeft = (refresh!.expires_at.getTime() - Date.now()) / 60_000;
    expect(refreshMinutesLeft).toBeGreaterThan(29);
    expect(refreshMinutesLeft).toBeLessThanOrEqual(30);
  });

  it('ends after 30 minutes without use (401 session_expired, row deleted, audited)', async () => {
    const { session } = await brokerLogin();
    await db.sequelize.query(`update bff_sessions set expires_at = now() - interval '1 second' where id_hash = :h`, { replacements: { h: hashOf(session) } });
    const { response, json } = await api(portal, '/api/session', { origin: BROKER_ORIGIN, session });
    expect(response.status).toBe(401);
    expect(json.code).toBe('session_expired');
    expect(await rowOf(session)).toBeUndefined();
    expect((await audit('session.ended', 'biztos-pont')).some((e) => e.metadata.reason === 'expired')).toBe(true);
  });

  it('ends 12 hours after the login whatever the use', async () => {
    const { session } = await brokerLogin();
    await db.sequelize.query(`update bff_sessions set created_at = now() - interval '12 hours 1 second' where id_hash = :h`, {
      replacements: { h: hashOf(session) },
    });
    expect((await api(portal, '/api/session', { origin: BROKER_ORIGIN, session })).json.code).toBe('session_expired');
  });

  it('moves the idle expiry forward when used, at most once a minute', async () => {
    const { session } = await brokerLogin();
    const loggedIn = (await rowOf(session))!.expires_at.getTime();
    await api(portal, '/api/session', { origin: BROKER_ORIGIN, session });
    expect((await rowOf(session))!.expires_at.getTime()).toBe(loggedIn);
    await db.sequelize.query(
      `update bff_sessions set last_seen_at = now() - interval '2 minutes', expires_at = now() + interval '28 minutes' where id_hash = :h`,
      {
        replacements: { h: hashOf(session) },
      },
    );
    const used = await api(portal, '/api/session', { origin: BROKER_ORIGIN, session });
    expect(used.response.status).toBe(200);
    expect(used.response.headers.getSetCookie()).toEqual([]);
    const row = (await rowOf(session))!;
    expect(row.expires_at.getTime() - Date.now()).toBeGreaterThan(30 * 60_000 - 60_000);
  });

  it('renews once when many requests of the session find it due at the same time', async () => {
    const { session } = await brokerLogin();
    await db.sequelize.query(
      `update bff_sessions set last_seen_at = now() - interval '2 minutes', expires_at = now() + interval '28 minutes' where id_hash = :h`,
      {
        replacements: { h: hashOf(session) },
      },
    );
    // Counts the renewals the database sees.
    await db.sequelize.query(`
      create table touch_count (id_hash text);
      create function count_touch() returns trigger language plpgsql as $$
        begin if new.last_seen_at <> old.last_seen_at then insert into touch_count values (new.id_hash); end if; return new; end $$;
      create trigger count_touch after update on bff_sessions for each row execute function count_touch();`);
    try {
      const answers = await Promise.all(Array.from({ length: 12 }, () => api(portal, '/api/session', { origin: BROKER_ORIGIN, session })));
      expect(answers.map((a) => a.response.status)).toEqual(Array(12).fill(200));
      const [{ n }] = (await db.sequelize.query<{ n: number }>(`select count(*)::int as n from touch_count where id_hash = :h`, {
        replacements: { h: hashOf(session) },
        type: QueryTypes.SELECT,
      })) as [{ n: number }];
      expect(n).toBe(1);
    } finally {
      await db.sequelize.query(`drop trigger count_touch on bff_sessions; drop function count_touch(); drop table touch_count;`);
    }
    expect((await rowOf(session))!.expires_at.getTime() - Date.now()).toBeGreaterThan(30 * 60_000 - 60_000);
  });

  it('ends a session of a partner that has been deactivated', async () => {
    const { session } = await loginSession(portal, { origin: OTHER_PARTNER_ORIGIN, clientId: 'duna-alkusz' });
    await db.sequelize.query(`update partner_clients set active = false where client_id = 'duna-alkusz'`);
    try {
      const { response, json } = await api(portal, '/api/session', { origin: OTHER_PARTNER_ORIGIN, session });
      expect(response.status).toBe(401);
      expect(json.code).toBe('session_expired');
      expect(await rowOf(session)).toBeUndefined();
    } finally {
      await db.sequelize.query(`update partner_clients set active = true where client_id = 'duna-alkusz'`);
    }
  });
});

describe('refreshing the access token', () => {
  it('refreshes once (two requests at the same time) when it is about to expire, and the session keeps working', async () => {
    const { session } = await brokerLogin();
    const before = (await rowOf(session))!;
    const oldTokens = openTokens(before);
    await expireAccessToken(session);
    const refreshesBefore = portal.logs.filter((l) => l.event === 'bff_session_refreshed').length;

    const [a, b] = await Promise.all([
      api(portal, '/api/session', { origin: BROKER_ORIGIN, session }),
      api(portal, '/api/session', { origin: BROKER_ORIGIN, session }),
    ]);
    expect(a.response.status).toBe(200);
    expect(b.response.status).toBe(200);
    expect(a.json.authenticated && b.json.authenticated).toBe(true);
    expect(portal.logs.filter((l) => l.event === 'bff_session_refreshed').length - refreshesBefore).toBe(1);

    const after = (await rowOf(session))!;
    const newTokens = openTokens(after);
    expect(newTokens.accessToken).not.toBe(oldTokens.accessToken);
    expect(newTokens.refreshToken).not.toBe(oldTokens.refreshToken);
    expect(after.tokens.lease).toBeUndefined();
    const expiresIn = (new Date(after.tokens.accessExpiresAt!).getTime() - Date.now()) / 1000;
    expect(expiresIn).toBeGreaterThan(240);
    expect(expiresIn).toBeLessThanOrEqual(300);
    await rememberTokens(portal);

    // Still good later, without another refresh (the new token has 5 minutes) …
    expect((await api(portal, '/api/session', { origin: BROKER_ORIGIN, session })).json.authenticated).toBe(true);
    expect(portal.logs.filter((l) => l.event === 'bff_session_refreshed').length - refreshesBefore).toBe(1);
    // … and the rotated refresh token is the live one at the IdP: a second forced refresh works too.
    await expireAccessToken(session);
    expect((await api(portal, '/api/session', { origin: BROKER_ORIGIN, session })).response.status).toBe(200);
    expect(portal.logs.filter((l) => l.event === 'bff_session_refreshed').length - refreshesBefore).toBe(2);
    await rememberTokens(portal);
  });

  it("waits for another process's refresh instead of starting a second one", async () => {
    const { session } = await brokerLogin();
    await expireAccessToken(session);
    // Another process holds the lease …
    await db.sequelize.query(
      `update bff_sessions set tokens = tokens || jsonb_build_object('lease', 'other', 'leaseUntil', now() + interval '20 seconds') where id_hash = :h`,
      { replacements: { h: hashOf(session) } },
    );
    const refreshesBefore = portal.logs.filter((l) => l.event === 'bff_session_refreshed').length;
    const pending = api(portal, '/api/session', { origin: BROKER_ORIGIN, session });
    await new Promise((resolve) => setTimeout(resolve, 400));
    // … and stores its result (here: simply a later expiry), releasing the lease.
    await db.sequelize.query(
      `update bff_sessions set tokens = (tokens - 'lease' - 'leaseUntil') || jsonb_build_object('accessExpiresAt', now() + interval '5 minutes') where id_hash = :h`,
      { replacements: { h: hashOf(session) } },
    );
    const { response } = await pending;
    expect(response.status).toBe(200);
    expect(portal.logs.filter((l) => l.event === 'bff_session_refreshed').length).toBe(refreshesBefore);
  });

  it('ends the session when the IdP refuses the refresh (401 session_expired, row deleted, audited)', async () => {
    const { session } = await brokerLogin();
    const row = (await rowOf(session))!;
    // The grant is revoked at the IdP behind the API's back (e.g. reuse detection, a password reset).
    await oidc.tokenRevocation(await relyingParty(portal, 'biztos-pont'), openTokens(row).refreshToken);
    await expireAccessToken(session);
    const { response, json } = await api(portal, '/api/session', { origin: BROKER_ORIGIN, session });
    expect(response.status).toBe(401);
    expect(json.code).toBe('session_expired');
    expect(await rowOf(session)).toBeUndefined();
    expect((await audit('session.ended', 'biztos-pont')).some((e) => e.metadata.reason === 'refresh_failed')).toBe(true);
    expect(portal.logs.some((l) => l.event === 'bff_session_refresh_refused')).toBe(true);
  });
});

describe('DELETE /api/session (logout)', () => {
  it('revokes the refresh token at the IdP, deletes the session, and audits; the handle is dead', async () => {
    const { session } = await brokerLogin();
    const { refreshToken } = openTokens((await rowOf(session))!);
    const { response, text } = await api(portal, '/api/session', { method: 'DELETE', origin: BROKER_ORIGIN, session });
    expect(response.status).toBe(204);
    expect(text).toBe('');
    expect(response.headers.get('access-control-allow-origin')).toBe(BROKER_ORIGIN);
    expect(await rowOf(session)).toBeUndefined();

    expect(await oauthError(oidc.refreshTokenGrant(await relyingParty(portal, 'biztos-pont'), refreshToken))).toBe('invalid_grant');
    expect((await audit('session.ended', 'biztos-pont')).some((e) => e.metadata.reason === 'logout')).toBe(true);
    // The handle is dead, whatever the proof.
    const after = await api(portal, '/api/session', { origin: BROKER_ORIGIN, session });
    expect(after.response.status).toBe(401);
    expect(after.json.code).toBe('session_expired');
    // Logging out again answers that the session has ended (the widget takes it as logged out).
    const again = await api(portal, '/api/session', { method: 'DELETE', origin: BROKER_ORIGIN, session });
    expect(again.response.status).toBe(401);
    expect(again.json.code).toBe('session_expired');
  });

  it("with ?endIdpSession=1 answers the IdP's end-session URL (no ID token in it)", async () => {
    const { session } = await brokerLogin();
    const { response, json } = await api(portal, '/api/session?endIdpSession=1', { method: 'DELETE', origin: BROKER_ORIGIN, session });
    expect(response.status).toBe(200);
    const url = new URL(json.endSessionUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${portal.issuer}/session/end`);
    expect(url.searchParams.get('client_id')).toBe('biztos-pont');
    expect(url.searchParams.has('id_token_hint')).toBe(false);
    expect(await rowOf(session)).toBeUndefined();
  });

  it("refuses a logout without X-GP-Request or from another partner's origin, leaving the session alone", async () => {
    const { session } = await brokerLogin();
    const noHeader = await api(portal, '/api/session', { method: 'DELETE', origin: BROKER_ORIGIN, session, gp: false });
    expect(noHeader.json.code).toBe('missing_request_header');
    const otherOrigin = await api(portal, '/api/session', { method: 'DELETE', origin: OTHER_PARTNER_ORIGIN, session });
    expect(otherOrigin.response.status).toBe(403);
    expect(otherOrigin.json.code).toBe('origin_not_allowed');
    expect(await rowOf(session)).toBeDefined();
  });
});

describe('what a browser and the logs can see', () => {
  it('no token or session handle ever appears in a response body (but the handle in its own redeem answer), a Location or a URL, nor in the log', async () => {
    expect(portal.secrets.size).toBeGreaterThan(10);
    const everything = portal.seen.join('\n');
    for (const secret of portal.secrets) expect(everything.includes(secret), 'a secret leaked').toBe(false);
    const logged = JSON.stringify(portal.logs);
    for (const secret of portal.secrets) expect(logged.includes(secret), 'a secret was logged').toBe(false);
  });
});
