import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../support/database.ts';
import { api, Browser, loginSession, PERSON, startPortal, throughIdpPages, ticketFrom, type BrowserSession, type RunningPortal } from '../session/harness.ts';
import { rows } from './support.ts';

/**
 * The race of a token refresh and a re-authentication on one session (issue 16): request A finds
 * the access token about to expire and refreshes it; while its call to the IdP's token endpoint
 * is under way, request B redeems a re-authentication ticket, which replaces the session's
 * tokens. A must not answer 401: the session is alive, with newer tokens than A's.
 */
const db = useTestDatabase();
let portal: RunningPortal;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
}, 60_000);
afterAll(() => portal?.close());
afterEach(() => {
  globalThis.fetch = realFetch;
});

const idHash = (session: BrowserSession) => `encode(sha256(convert_to('${session.handle}', 'UTF8')), 'hex')`;

/**
 * Holds the API's refresh-token grants at the token endpoint until `release()` (the portal runs in
 * this process, so its openid-client calls this `fetch`). `reached` resolves when one is held.
 */
function holdRefreshes() {
  let release!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/oidc/token') && String(init?.body ?? '').includes('grant_type=refresh_token')) {
      reached();
      await gate;
    }
    return realFetch(input, init);
  };
  return { release, arrived };
}

describe('a refresh while the session is re-authenticated', () => {
  it('the refreshing request goes through (no 401), the session keeps the re-authentication’s tokens and stays usable', async () => {
    const browser = new Browser(portal.origin);
    const { session } = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON, browser });
    // The re-authentication's log-in, up to its ticket (done before the race: it needs the token endpoint too).
    const start = await api(portal, '/api/session/reauthentication', { origin: portal.origin, session, body: { lang: 'hu' } });
    expect(start.response.status).toBe(200);
    const { callback } = await throughIdpPages(portal, browser, start.json.authorizationUrl, PERSON);
    const ticket = ticketFrom(await (await browser.request(callback)).text());

    // 30 s left on the access token: inside the refresh margin, not expired (B needs no refresh of its own).
    await db.sequelize.query(
      `update bff_sessions set tokens = jsonb_set(tokens, '{accessExpiresAt}', to_jsonb(now() + interval '30 seconds')) where id_hash = ${idHash(session)}`,
    );
    const held = holdRefreshes();
    const refreshing = api(portal, '/api/session', { origin: portal.origin, session });
    await held.arrived;
    const renewed = await api(portal, '/api/session/reauthentication/ticket', {
      origin: portal.origin,
      session,
      body: { ticket, loginSecret: start.json.loginSecret },
    });
    expect(renewed.response.status).toBe(204);
    held.release();

    const a = await refreshing;
    expect(a.response.status).toBe(200);
    expect(a.json.authenticated).toBe(true);
    // The re-authentication's tokens stayed (not the refresh's): its log-in time, no lease left behind.
    const [row] = await rows<{ lease: string | null; fresh: boolean }>(
      db.sequelize,
      `select tokens->>'lease' as lease, auth_time > now() - interval '1 minute' as fresh from bff_sessions where id_hash = ${idHash(session)}`,
    );
    expect(row).toEqual({ lease: null, fresh: true });
    // And they work: the next refresh at the IdP succeeds (a revoked grant would end the session here).
    await db.sequelize.query(
      `update bff_sessions set tokens = jsonb_set(tokens, '{accessExpiresAt}', to_jsonb(now() - interval '1 minute')) where id_hash = ${idHash(session)}`,
    );
    expect((await api(portal, '/api/session', { origin: portal.origin, session })).response.status).toBe(200);
    expect(portal.logs.some((line) => line.event === 'bff_session_refresh_superseded')).toBe(true);
  }, 60_000);

  it('a refresh whose session ended meanwhile (logout) still answers 401 and revokes what it got', async () => {
    const { session } = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON });
    await db.sequelize.query(
      `update bff_sessions set tokens = jsonb_set(tokens, '{accessExpiresAt}', to_jsonb(now() + interval '30 seconds')) where id_hash = ${idHash(session)}`,
    );
    const held = holdRefreshes();
    const refreshing = api(portal, '/api/session', { origin: portal.origin, session });
    await held.arrived;
    await db.sequelize.query(`delete from bff_sessions where id_hash = ${idHash(session)}`);
    held.release();
    const a = await refreshing;
    expect(a.response.status).toBe(401);
    expect(a.json.code).toBe('session_expired');
  }, 60_000);
});
