import { describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import * as client from 'openid-client';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { useTestDatabase } from '../support/database.ts';
import { removePartnerClient } from '../../common/partners/partner-clients.ts';
import { authorizationRequest, Browser, createFixtures, formAction, relyingParty, signIn, useIdp } from './provider-harness.ts';
import { partnerEnds } from '../../server/app/partner-ends.ts';

const db = useTestDatabase();
const idp = useIdp(db);

/** A full login through the real pages and the code exchange, in a fresh browser. */
async function login(browser = new Browser(idp.publicUrl.origin)) {
  const auth = await authorizationRequest(idp.relyingParty, idp.fixtures);
  const { callback, pages } = await signIn(browser, auth, idp.fixtures);
  const tokens = await client.authorizationCodeGrant(idp.relyingParty, callback, { pkceCodeVerifier: auth.codeVerifier, expectedState: auth.state });
  return { tokens, pages, browser, callback, auth };
}

async function count(sql: string, replacements: Record<string, unknown> = {}): Promise<number> {
  const [row] = await db.sequelize.query<{ n: number }>(`select count(*)::int as n from (${sql}) q`, { replacements, type: QueryTypes.SELECT });
  return row!.n;
}

/** The OAuth error code of a refused token request (a 401 arrives as a WWW-Authenticate challenge). */
async function rejectsWith(promise: Promise<unknown>, error: string) {
  const failure = await promise.then(
    () => null,
    (e: { error?: string; cause?: Array<{ parameters?: { error?: string } }> }) => e,
  );
  expect(failure, `expected ${error}`).not.toBeNull();
  expect(failure!.error ?? failure!.cause?.[0]?.parameters?.error).toBe(error);
}

describe('discovery', () => {
  it('advertises code flow with S256 only, client_secret_basic, revocation and logout, and no userinfo', () => {
    const m = idp.relyingParty.serverMetadata();
    expect(m.issuer).toBe(idp.issuer);
    expect(m.response_types_supported).toEqual(['code']);
    expect(m.code_challenge_methods_supported).toEqual(['S256']);
    expect(m.revocation_endpoint).toBe(`${idp.issuer}/token/revocation`);
    expect(m.end_session_endpoint).toBe(`${idp.issuer}/session/end`);
    expect(m.userinfo_endpoint).toBeUndefined();
    expect(m.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'customer', 'offline_access']));
    // The API's scope is a resource scope: listing it here would ask for consent twice.
    expect(m.scopes_supported).not.toContain('portal');
  });
});

describe('authorization code flow with PKCE through the login and consent pages', () => {
  it('issues a JWT access token for the API (RFC 9068) that verifies against the published JWKS, an ID token with the claims, and a refresh token', async () => {
    const { tokens, pages } = await login();
    expect(pages).toHaveLength(2); // login, then consent (first time for this partner)
    expect(pages[0]).toContain('action="/interaction/');
    expect(pages[1]).toContain('Teszt Alkusz Kft.');

    const jwks = createRemoteJWKSet(new URL(idp.relyingParty.serverMetadata().jwks_uri!));
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    const { payload } = await jwtVerify(tokens.access_token, jwks, { issuer: idp.issuer, audience: idp.api, typ: 'at+jwt' });
    expect(payload).toMatchObject({ sub: idp.fixtures.verified.id, client_id: idp.fixtures.clientId, scope: 'portal', aud: idp.api });
    expect(payload.exp! - payload.iat!).toBe(300);
    // Not an access token for anyone else.
    await expect(jwtVerify(tokens.access_token, jwks, { issuer: idp.issuer, audience: `${idp.publicUrl.origin}/other` })).rejects.toThrow();

    expect(tokens.claims()).toMatchObject({
      sub: idp.fixtures.verified.id,
      name: idp.fixtures.verified.name,
      email: idp.fixtures.verified.email,
      email_verified: true,
      locale: 'hu',
      customer_number: idp.fixtures.verified.customerNumber,
      aud: idp.fixtures.clientId,
    });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.expires_in).toBe(300);

    const actions = await db.sequelize.query<{ action: string; customer_id: number; client_id: string }>(
      `select action, customer_id, client_id from audit_events where customer_id = :id and action in ('login.succeeded', 'consent.granted') order by id`,
      { replacements: { id: idp.fixtures.verified.customerId }, type: QueryTypes.SELECT },
    );
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['login.succeeded', 'consent.granted']));
    expect(actions.every((a) => a.client_id === idp.fixtures.clientId)).toBe(true);
  });

  it('refuses a code used twice, and revokes what the first use issued', async () => {
    const auth = await authorizationRequest(idp.relyingParty, idp.fixtures);
    const { callback } = await signIn(new Browser(idp.publicUrl.origin), auth, idp.fixtures);
    const first = await client.authorizationCodeGrant(idp.relyingParty, callback, { pkceCodeVerifier: auth.codeVerifier, expectedState: auth.state });
    await rejectsWith(
      client.authorizationCodeGrant(idp.relyingParty, callback, { pkceCodeVerifier: auth.codeVerifier, expectedState: auth.state }),
      'invalid_grant',
    );
    await rejectsWith(client.refreshTokenGrant(idp.relyingParty, first.refresh_token!), 'invalid_grant');
  });

  it('refuses a code exchanged with the wrong PKCE verifier', async () => {
    const auth = await authorizationRequest(idp.relyingParty, idp.fixtures);
    const { callback } = await signIn(new Browser(idp.publicUrl.origin), auth, idp.fixtures);
    await rejectsWith(
      client.authorizationCodeGrant(idp.relyingParty, callback, { pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: auth.state }),
      'invalid_grant',
    );
  });

  it("asks no consent for the insurer's own portal (a first-party client): the password, then straight back with the same tokens", async () => {
    const own = await createFixtures(db.sequelize, idp.publicUrl, { scope: 'all' });
    const ownRp = await relyingParty(idp, own);
    const auth = await authorizationRequest(ownRp, own);
    const { callback, pages } = await signIn(new Browser(idp.publicUrl.origin), auth, own);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('action="/interaction/');
    const tokens = await client.authorizationCodeGrant(ownRp, callback, { pkceCodeVerifier: auth.codeVerifier, expectedState: auth.state });
    const { payload } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(ownRp.serverMetadata().jwks_uri!)), {
      issuer: idp.issuer,
      audience: idp.api,
    });
    expect(payload).toMatchObject({ sub: own.verified.id, client_id: own.clientId, scope: 'portal' });
    expect(tokens.claims()).toMatchObject({ email: own.verified.email, customer_number: own.verified.customerNumber });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(await count(`select 1 from audit_events where action = 'consent.first_party' and client_id = :c`, { c: own.clientId })).toBe(1);
    expect(await count(`select 1 from audit_events where action = 'consent.granted' and client_id = :c`, { c: own.clientId })).toBe(0);
  });

  it('remembers consent: a later login in another browser asks only for the password', async () => {
    await login();
    const again = await login();
    expect(again.pages).toHaveLength(1);
    expect(again.pages[0]).toContain('name="password"');
  });

  it('signs in once per browser: a second authorization needs no page at all', async () => {
    const { browser } = await login();
    const auth = await authorizationRequest(idp.relyingParty, idp.fixtures);
    const { pages, callback } = await signIn(browser, auth, idp.fixtures);
    expect(pages).toHaveLength(0);
    expect(callback.searchParams.get('code')).toBeTruthy();
  });
});

describe('refresh tokens', () => {
  it('rotate at every use, and a replayed one revokes the whole grant (the newest refresh token stops working too)', async () => {
    const { tokens } = await login();
    const old = tokens.refresh_token!;
    const refreshed = await client.refreshTokenGrant(idp.relyingParty, old);
    expect(refreshed.refresh_token).toEqual(expect.any(String));
    expect(refreshed.refresh_token).not.toBe(old);
    const jwks = createRemoteJWKSet(new URL(idp.relyingParty.serverMetadata().jwks_uri!));
    await jwtVerify(refreshed.access_token, jwks, { issuer: idp.issuer, audience: idp.api, typ: 'at+jwt' });

    await rejectsWith(client.refreshTokenGrant(idp.relyingParty, old), 'invalid_grant');
    await rejectsWith(client.refreshTokenGrant(idp.relyingParty, refreshed.refresh_token!), 'invalid_grant');
  });

  it("reuse detection in one browser leaves the same customer's session in another browser alone", async () => {
    const a = await login();
    const b = await login();
    const rotated = await client.refreshTokenGrant(idp.relyingParty, a.tokens.refresh_token!);
    await rejectsWith(client.refreshTokenGrant(idp.relyingParty, a.tokens.refresh_token!), 'invalid_grant');
    await rejectsWith(client.refreshTokenGrant(idp.relyingParty, rotated.refresh_token!), 'invalid_grant');
    const stillFine = await client.refreshTokenGrant(idp.relyingParty, b.tokens.refresh_token!);
    expect(stillFine.access_token).toEqual(expect.any(String));
  });

  it('can be revoked', async () => {
    const { tokens } = await login();
    await client.tokenRevocation(idp.relyingParty, tokens.refresh_token!);
    await rejectsWith(client.refreshTokenGrant(idp.relyingParty, tokens.refresh_token!), 'invalid_grant');
  });

  it('are only honoured for the client they were issued to, with its secret', async () => {
    const { tokens } = await login();
    const metadata = idp.relyingParty.serverMetadata();
    const wrongSecret = new client.Configuration(metadata, idp.fixtures.clientId, undefined, client.ClientSecretBasic('not-the-secret'));
    client.allowInsecureRequests(wrongSecret);
    await rejectsWith(client.refreshTokenGrant(wrongSecret, tokens.refresh_token!), 'invalid_client');
    // Another partner's client cannot use it either, with its own valid credentials.
    const other = await createFixtures(db.sequelize, idp.publicUrl);
    const otherParty = await relyingParty(idp, other);
    await rejectsWith(client.refreshTokenGrant(otherParty, tokens.refresh_token!), 'invalid_grant');
    // Nor revoke it.
    await rejectsWith(client.tokenRevocation(otherParty, tokens.refresh_token!), 'invalid_request');
    // The right credentials still work (the failures above didn't revoke anything).
    await client.refreshTokenGrant(idp.relyingParty, tokens.refresh_token!);
  });

  it('are stored with their grant, and the stores drop nothing that is still valid', async () => {
    const { tokens } = await login();
    const rows = await count(`select 1 from oidc_models where model = 'RefreshToken' and payload->>'clientId' = :c and consumed_at is null`, {
      c: idp.fixtures.clientId,
    });
    expect(rows).toBeGreaterThan(0);
    await client.refreshTokenGrant(idp.relyingParty, tokens.refresh_token!);
  });
});

describe('refused authorization requests', () => {
  async function redirectOf(params: Record<string, string>, remove: string[] = []) {
    const auth = await authorizationRequest(idp.relyingParty, idp.fixtures, params);
    for (const name of remove) auth.url.searchParams.delete(name);
    const browser = new Browser(idp.publicUrl.origin);
    return browser.request(auth.url);
  }

  it('without PKCE', async () => {
    const response = await redirectOf({}, ['code_challenge', 'code_challenge_method']);
    const location = new URL(response.headers.get('location')!);
    expect(location.href.startsWith(idp.fixtures.redirectUri)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('with code_challenge_method=plain', async () => {
    const response = await redirectOf({ code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' });
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('code')).toBeNull();
  });

  for (const [what, uri] of [
    ['one character changed', () => idp.fixtures.redirectUri.replace(/callback$/, 'callbacK')],
    ['one character added', () => `${idp.fixtures.redirectUri}/`],
    ['a query added', () => `${idp.fixtures.redirectUri}?x=1`],
  ] as const) {
    it(`with a redirect URI that differs by ${what}: an error page of our own, no redirect, no details`, async () => {
      const response = await redirectOf({ redirect_uri: uri() });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await response.text();
      expect(html).toContain('<html lang="hu">');
      expect(html).toContain('Hiba történt');
      expect(html).toContain('/idp-assets/idp.css');
      expect(html).not.toMatch(/did not match|registered|stack|at .*\.js/);
    });
  }

  it('for an unknown client', async () => {
    const auth = await authorizationRequest(idp.relyingParty, idp.fixtures);
    auth.url.searchParams.set('client_id', 'no-such-client');
    const response = await new Browser(idp.publicUrl.origin).request(auth.url);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Hiba történt');
  });

  it('when the customer cancels on the consent page', async () => {
    const other = await createFixtures(db.sequelize, idp.publicUrl);
    const rp = await relyingParty(idp, other);
    const browser = new Browser(idp.publicUrl.origin);
    const auth = await authorizationRequest(rp, other);
    let hop = await browser.follow(await browser.request(auth.url));
    const loginAction = formAction(await hop.response.text());
    hop = await browser.follow(await browser.request(loginAction, { form: { email: other.verified.email, password: 'Teszt-jelszo-2026' } }), other.redirectUri);
    const consent = await hop.response.text();
    expect(consent).toContain('formaction="/interaction/');
    const abort = /formaction="([^"]+\/abort)"/.exec(consent)![1]!;
    hop = await browser.follow(await browser.request(abort, { form: {} }), other.redirectUri);
    const callback = new URL(hop.url);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(auth.state);
    expect(await count(`select 1 from audit_events where action = 'consent.denied' and client_id = :c`, { c: other.clientId })).toBe(1);
  });
});

describe('RP-initiated logout', () => {
  it("asks on a page of our own, signs the browser out, and leaves the partner's refresh token to the partner", async () => {
    const { browser, tokens } = await login();
    const logout = client.buildEndSessionUrl(idp.relyingParty, { client_id: idp.fixtures.clientId });
    const page = await browser.request(logout);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('cross-origin-opener-policy')).toBeNull();
    const html = await page.text();
    expect(html).toContain('Ki szeretne jelentkezni az Ügyfélportálról?');
    expect(html).toContain('Teszt Alkusz Kft.');
    expect(html).toContain('id="op.logoutForm"');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;

    const done = await browser.follow(await browser.request(formAction(html), { form: { xsrf, logout: 'yes' } }));
    expect(done.response.status).toBe(200);
    expect(await done.response.text()).toContain('Sikeresen kijelentkezett');

    // The browser must log in again …
    const auth = await authorizationRequest(idp.relyingParty, idp.fixtures);
    const hop = await browser.follow(await browser.request(auth.url), idp.fixtures.redirectUri);
    expect(await hop.response.text()).toContain('name="password"');
    // … while the BFF's tokens end when the BFF revokes them (it does so at its own logout).
    await client.refreshTokenGrant(idp.relyingParty, tokens.refresh_token!);
  });
});

describe('a deactivated partner', () => {
  it('can neither start a login nor refresh its tokens', async () => {
    const other = await createFixtures(db.sequelize, idp.publicUrl);
    const rp = await relyingParty(idp, other);
    const auth = await authorizationRequest(rp, other);
    const { callback } = await signIn(new Browser(idp.publicUrl.origin), auth, other);
    const tokens = await client.authorizationCodeGrant(rp, callback, { pkceCodeVerifier: auth.codeVerifier, expectedState: auth.state });

    await removePartnerClient(db.sequelize, other.clientId, partnerEnds(db.sequelize));
    await rejectsWith(client.refreshTokenGrant(rp, tokens.refresh_token!), 'invalid_client');
    const again = await authorizationRequest(rp, other);
    const response = await new Browser(idp.publicUrl.origin).request(again.url);
    expect(response.status).toBe(400);
    expect(await count(`select 1 from oidc_models where payload->>'clientId' = :c and model in ('Grant', 'RefreshToken')`, { c: other.clientId })).toBe(0);
  });
});
