import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { calculateThumbprint } from 'dpop';
import { useTestDatabase } from '../../../support/database.ts';
import {
  api,
  BROKER_ORIGIN,
  Browser,
  COMPANY,
  FOREIGN_ORIGIN,
  loginSession,
  loginToCallback,
  OTHER_PARTNER_ORIGIN,
  PERSON,
  record,
  redeem,
  rememberTokens,
  sessionRows,
  startPortal,
  throughIdpPages,
  ticketFrom,
  type RunningPortal,
} from './harness.ts';

const db = useTestDatabase();
let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
});
afterAll(() => portal?.close());

async function count(sql: string, replacements: Record<string, unknown> = {}): Promise<number> {
  const [row] = await db.sequelize.query<{ n: number }>(`select count(*)::int as n from (${sql}) q`, { replacements, type: QueryTypes.SELECT });
  return row!.n;
}

describe('POST /api/session/login', () => {
  it("answers an authorization URL for PKCE (S256), state and nonce, to the one redirect URI, keeping only the state's hash", async () => {
    const { response, json } = await api(portal, '/api/session/login', { origin: BROKER_ORIGIN, body: { clientId: 'biztos-pont', mode: 'popup', lang: 'en' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe(BROKER_ORIGIN);
    const url = new URL(json.authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${portal.issuer}/auth`);
    const q = url.searchParams;
    expect(q.get('client_id')).toBe('biztos-pont');
    expect(q.get('redirect_uri')).toBe(portal.callbackUrl);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('scope')).toBe('openid profile email customer portal');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('ui_locales')).toBe('en');
    expect(q.get('prompt')).toBe('login');
    expect(json.loginSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('nonce')).toBe(createHash('sha256').update(json.loginSecret).digest('base64url'));

    const rows = await db.sequelize.query<{ state_hash: string; client_id: string; mode: string; return_to: string; ttl: number }>(
      `select state_hash, client_id, mode, return_to, extract(epoch from expires_at - now())::int as ttl from bff_login_states`,
      { type: QueryTypes.SELECT },
    );
    const row = rows.find((r) => r.client_id === 'biztos-pont')!;
    expect(row.state_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.state_hash).not.toBe(q.get('state'));
    expect(row).toMatchObject({ mode: 'popup', return_to: BROKER_ORIGIN });
    expect(row.ttl).toBeGreaterThan(590);
    expect(row.ttl).toBeLessThanOrEqual(600);
  });

  it("refuses an origin the partner has not registered, even another partner's", async () => {
    for (const origin of [OTHER_PARTNER_ORIGIN, FOREIGN_ORIGIN, null]) {
      const { response, json } = await api(portal, '/api/session/login', { origin, body: { clientId: 'biztos-pont', mode: 'popup' } });
      expect(response.status, String(origin)).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(json.code).toBe('origin_not_allowed');
    }
  });

  it('refuses an unknown or deactivated client, and a request without X-GP-Request', async () => {
    expect((await api(portal, '/api/session/login', { origin: BROKER_ORIGIN, body: { clientId: 'no-such-partner' } })).json.code).toBe('client_unknown');
    await db.sequelize.query(`update partner_clients set active = false where client_id = 'pannon-alkusz'`);
    const inactive = await api(portal, '/api/session/login', { origin: 'https://pannon-alkusz.example', body: { clientId: 'pannon-alkusz' } });
    expect(inactive.response.status).toBe(400);
    expect(inactive.json.code).toBe('client_unknown');
    const noHeader = await api(portal, '/api/session/login', { origin: BROKER_ORIGIN, gp: false, body: { clientId: 'biztos-pont' } });
    expect(noHeader.response.status).toBe(403);
    expect(noHeader.json.code).toBe('missing_request_header');
  });

  it('validates the body: mode, lang, and a redirect mode returnTo that must be on the requesting origin', async () => {
    const bad = await api(portal, '/api/session/login', { origin: BROKER_ORIGIN, body: { clientId: 'biztos-pont', mode: 'iframe', lang: 'de' } });
    expect(bad.response.status).toBe(400);
    expect(bad.json.code).toBe('invalid_request');
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['lang', 'mode']);
    for (const returnTo of [undefined, 'https://evil.example/x', `${OTHER_PARTNER_ORIGIN}/portal`, 'javascript:alert(1)', '/relative']) {
      const { response, json } = await api(portal, '/api/session/login', {
        origin: BROKER_ORIGIN,
        body: { clientId: 'biztos-pont', mode: 'redirect', returnTo },
      });
      expect(response.status, String(returnTo)).toBe(400);
      expect(json.errors[0]).toMatchObject({ field: 'returnTo', code: 'return_to_not_allowed' });
    }
    const notJson = await fetch(`${portal.origin}/api/session/login`, {
      method: 'POST',
      headers: { origin: BROKER_ORIGIN, 'x-gp-request': '1', 'content-type': 'application/json' },
      body: '{"clientId":',
    });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).code).toBe('invalid_request');
  });
});

describe('the callback in the popup', () => {
  it("exchanges the code server-side and posts a one-time ticket — no token — to exactly the partner's origin", async () => {
    const { response, html, pages, callback } = await loginToCallback(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont' });
    expect(pages).toHaveLength(2); // login, consent for this partner
    expect(pages[1]).toContain('Biztos Pont Alkusz Kft.');
    expect(new URL(callback).searchParams.get('code')).toBeTruthy();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Never the full callback URL (it held the code) in a Referer: the app-wide policy sends the origin at most.
    expect(['no-referrer', 'strict-origin-when-cross-origin']).toContain(response.headers.get('referrer-policy'));
    expect(response.headers.get('cross-origin-opener-policy')).toBeNull();
    const csp = response.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain(`opener.postMessage(message, "${BROKER_ORIGIN}")`);
    expect(html).not.toMatch(/postMessage\([^)]*"\*"/);
    expect(html.match(/<script/g)).toHaveLength(1);
    const ticket = ticketFrom(html);

    // The tokens stayed on the server, encrypted, under the ticket's hash (60 s).
    const rows = await sessionRows(portal);
    const row = rows.find((r) => r.tokens.stage === 'ticket')!;
    expect(row.id_hash).toMatch(/^ticket:[0-9a-f]{64}$/);
    expect(row.id_hash).not.toContain(ticket);
    expect(row.client_id).toBe('biztos-pont');
    expect(JSON.stringify(row.tokens)).not.toMatch(/eyJ/); // no JWT in the clear
    await rememberTokens(portal);
    for (const secret of portal.secrets) expect(html).not.toContain(secret);
    const ttl = (row.expires_at.getTime() - Date.now()) / 1000;
    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(61);
    // The state is used up.
    expect(await count(`select 1 from bff_login_states where client_id = 'biztos-pont'`)).toBeLessThanOrEqual(1);
  });

  it('refuses a state used a second time (and a code replayed with it): no message to anyone', async () => {
    const { callback, browser } = await loginToCallback(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont' });
    const again = await browser.request(callback);
    const html = await again.text();
    record(portal, callback, again, html);
    expect(again.status).toBe(400);
    expect(html).not.toContain('postMessage');
    expect(html).not.toContain('<script');
    expect(html).toContain('nem sikerült');
  });

  it('refuses an unknown state, a missing one, and an expired one', async () => {
    const browser = new Browser(portal.origin);
    for (const query of ['?code=x&state=nope', '?code=x', '']) {
      const response = await browser.request(`/api/session/callback${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.text()).not.toContain('postMessage');
    }
    const start = await api(portal, '/api/session/login', { origin: BROKER_ORIGIN, body: { clientId: 'biztos-pont' } });
    await db.sequelize.query(`update bff_login_states set expires_at = now() - interval '1 second'`);
    const { callback } = await throughIdpPages(portal, new Browser(portal.origin), start.json.authorizationUrl, PERSON);
    const late = await browser.request(callback);
    expect(late.status).toBe(400);
    expect(await late.text()).not.toContain('postMessage');
  });

  it('tells the partner page when the customer cancels (access_denied)', async () => {
    const { html, response } = await loginToCallback(portal, { origin: OTHER_PARTNER_ORIGIN, clientId: 'duna-alkusz', user: COMPANY, cancelConsent: true });
    expect(response.status).toBe(200);
    expect(html).toContain('{"type":"gp-login-error","code":"access_denied"}');
    expect(html).toContain(`opener.postMessage(message, "${OTHER_PARTNER_ORIGIN}")`);
    expect(html).not.toContain('"ticket"');
  });
});

describe('a shared computer', () => {
  it('asks the next customer for a password although the browser still holds the IdP session of the one who logged out', async () => {
    const browser = new Browser(portal.origin);
    const first = await loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', browser, user: PERSON });
    expect(first.body.session.customer.customerNumber).toBeTruthy();
    expect((await api(portal, '/api/session', { method: 'DELETE', origin: BROKER_ORIGIN, session: first.session })).response.status).toBe(204);
    expect(browser.has('_session')).toBe(true); // the IdP's own session is still there

    // The next customer on the same browser: the IdP shows its log-in form again, and whoever
    // logs in there is the one logged in.
    const second = await loginToCallback(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', browser, user: COMPANY });
    expect(second.pages[0]).toContain('name="password"');
    const redeemed = await redeem(portal, BROKER_ORIGIN, ticketFrom(second.html), second.loginSecret);
    expect(redeemed.response.status).toBe(200);
    expect(redeemed.json.session.customer.customerNumber).not.toBe(first.body.session.customer.customerNumber);
  });
});

describe('redirect mode', () => {
  it('sends the whole page back to returnTo with the ticket in the fragment (never sent to a server)', async () => {
    const returnTo = `${BROKER_ORIGIN}/ugyfelportal?tab=szerzodesek#old`;
    const { response, loginSecret } = await loginToCallback(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', mode: 'redirect', returnTo });
    expect(response.status).toBe(303);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}${location.search}`).toBe(`${BROKER_ORIGIN}/ugyfelportal?tab=szerzodesek`);
    const ticket = /^#gp-ticket=([A-Za-z0-9_-]{43})$/.exec(location.hash)?.[1];
    expect(ticket).toBeTruthy();
    const redeemed = await redeem(portal, BROKER_ORIGIN, ticket, loginSecret);
    expect(redeemed.response.status).toBe(200);
    expect(redeemed.json.session).toMatchObject({ authenticated: true, clientId: 'biztos-pont' });
    portal.secrets.add(redeemed.json.handle);
  });
});

describe('POST /api/session (redeeming the ticket)', () => {
  it("opens a session bound to the proof's key and answers its handle, setting no cookie", async () => {
    const { html, loginSecret } = await loginToCallback(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont' });
    const { response, json, keys } = await redeem(portal, BROKER_ORIGIN, ticketFrom(html), loginSecret);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(BROKER_ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(json).toEqual({
      handle: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), // 32 random bytes, base64url
      expiresIn: 30 * 60, // SESSION_IDLE_MINUTES by default
      session: {
        authenticated: true,
        customer: { name: PERSON.name, customerNumber: PERSON.customerNumber, kind: 'person' },
        clientId: 'biztos-pont',
        partner: { name: 'Biztos Pont Alkusz Kft.' },
      },
    });
    const handle = json.handle as string;
    portal.secrets.add(handle);

    // Only the handle's SHA-256 is stored, next to the thumbprint of the key it is bound to, and the ticket's row became the session's.
    const rows = await sessionRows(portal);
    const session = rows.find((r) => r.id_hash === createHash('sha256').update(handle).digest('hex'));
    expect(session?.tokens.stage).toBe('session');
    const [bound] = await db.sequelize.query<{ dpop_jkt: string }>(`select dpop_jkt from bff_sessions where id_hash = :h`, {
      replacements: { h: session!.id_hash },
      type: QueryTypes.SELECT,
    });
    expect(bound?.dpop_jkt).toBe(await calculateThumbprint(keys.publicKey));
    expect(rows.some((r) => r.id_hash.includes(handle))).toBe(false);
    expect(await count(`select 1 from audit_events where action = 'session.started' and client_id = 'biztos-pont'`)).toBeGreaterThan(0);
  });

  it('redeems a ticket once only', async () => {
    const { html, loginSecret } = await loginToCallback(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont' });
    const ticket = ticketFrom(html);
    const first = await redeem(portal, BROKER_ORIGIN, ticket, loginSecret);
    expect(first.response.status).toBe(200);
    portal.secrets.add(first.json.handle);
    const second = await redeem(portal, BROKER_ORIGIN, ticket, loginSecret);
    expect(second.response.status).toBe(400);
    expect(second.json.code).toBe('ticket_invalid');
    expect(second.json.handle).toBeUndefined();
  });

  it('refuses a ticket from any origin but the one the login started on, and burns it', async () => {
    const { html, loginSecret } = await loginToCallback(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont' });
    const ticket = ticketFrom(html);
    const wrong = await redeem(portal, OTHER_PARTNER_ORIGIN, ticket, loginSecret);
    expect(wrong.response.status).toBe(403);
    expect(wrong.json.code).toBe('origin_not_allowed');
    expect(wrong.json.handle).toBeUndefined();
    const right = await redeem(portal, BROKER_ORIGIN, ticket, loginSecret);
    expect(right.json.code).toBe('ticket_invalid');
  });

  it('refuses a ticket without the secret of the page that started the login (login CSRF), and burns it', async () => {
    // An attacker logs in as themselves and slips the result to a victim's page, which holds its own login's secret (or none).
    const attacker = await loginToCallback(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: COMPANY });
    const victim = await api(portal, '/api/session/login', { origin: BROKER_ORIGIN, body: { clientId: 'biztos-pont' } });
    const ticket = ticketFrom(attacker.html);
    for (const loginSecret of [victim.json.loginSecret, undefined]) {
      const { response, json } = await redeem(portal, BROKER_ORIGIN, ticket, loginSecret);
      expect(response.status).toBe(400);
      expect(json.code).toBe('ticket_invalid');
      expect(json.handle).toBeUndefined();
    }
    const late = await redeem(portal, BROKER_ORIGIN, ticket, attacker.loginSecret);
    expect(late.json.code).toBe('ticket_invalid');
    // The secret's hash is the login's OIDC nonce: the IdP signed it into the ID token the API checked.
    const nonce = new URL(attacker.authorizationUrl).searchParams.get('nonce');
    expect(nonce).toBe(createHash('sha256').update(attacker.loginSecret).digest('base64url'));
  });

  it('refuses an expired ticket and nonsense', async () => {
    const { html, loginSecret } = await loginToCallback(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont' });
    await db.sequelize.query(`update bff_sessions set expires_at = now() - interval '1 second' where id_hash like 'ticket:%'`);
    expect((await redeem(portal, BROKER_ORIGIN, ticketFrom(html), loginSecret)).json.code).toBe('ticket_invalid');
    for (const ticket of [undefined, 42, 'x'.repeat(43), '']) {
      const { response, json } = await redeem(portal, BROKER_ORIGIN, ticket, loginSecret);
      expect(response.status).toBe(400);
      expect(json.code).toBe('ticket_invalid');
    }
  });
});

describe('what a browser and the logs can see', () => {
  it('no token or session handle ever appears in a response body (but the handle in its own redeem answer), a Location or a URL, nor in the log', async () => {
    await rememberTokens(portal);
    expect(portal.secrets.size).toBeGreaterThan(5);
    expect(portal.seen.length).toBeGreaterThan(20);
    const everything = portal.seen.join('\n');
    for (const secret of portal.secrets) expect(everything.includes(secret), 'a secret leaked').toBe(false);
    const logged = JSON.stringify(portal.logs);
    for (const secret of portal.secrets) expect(logged.includes(secret), 'a secret was logged').toBe(false);
  });
});
