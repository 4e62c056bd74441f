import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import * as oidc from 'openid-client';
import { decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose';
import { useTestDatabase } from '../../../support/database.ts';
import { api, Browser, COMPANY, PERSON, relyingParty, startPortal, throughIdpPages, type RunningPortal } from '../session/harness.ts';

/**
 * The second way in: an RFC 9068 access token from the bundled IdP, for non-browser clients.
 * A real one comes from a login through the real pages with openid-client (the partner's own
 * client, PKCE); forged ones are signed here with the IdP's own key, so each refusal is for the
 * one thing that is wrong — and the positive control shows a correct forgery would pass.
 */
const db = useTestDatabase();
let portal: RunningPortal;
let realToken: string;
let accountId: string;

/** A login through the real IdP pages as the partner's own client would make it (PKCE), and its tokens. */
async function realLogin(user: { username: string; password: string }) {
  const config = await relyingParty(portal, 'biztos-pont');
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: portal.callbackUrl,
    scope: 'openid profile email customer portal',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
  });
  const { callback } = await throughIdpPages(portal, new Browser(portal.origin), url.href, user);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), { pkceCodeVerifier: codeVerifier, expectedState: state });
  portal.secrets.add(tokens.access_token);
  if (tokens.refresh_token) portal.secrets.add(tokens.refresh_token);
  return { config, tokens };
}

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  const { tokens } = await realLogin(PERSON);
  realToken = tokens.access_token;
  accountId = tokens.claims()!.sub;
});
afterAll(() => portal?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function sign(claims: JWTPayload, header: Record<string, unknown> = {}, key?: CryptoKey | Uint8Array): Promise<string> {
  const jwk = portal.keys.jwks.keys[0]!;
  const signingKey = key ?? ((await importJWK(jwk, 'ES256')) as CryptoKey);
  const now = Math.floor(Date.now() / 1000);
  const payload: JWTPayload = {
    iss: portal.issuer,
    aud: `${portal.origin}/api`,
    sub: accountId,
    iat: now,
    exp: now + 300,
    client_id: 'biztos-pont',
    scope: 'portal',
    jti: crypto.randomUUID(),
    ...claims,
  };
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: jwk.kid, ...header }).sign(signingKey);
}

async function expectInvalid(token: string, what: string) {
  const { response, json, text } = await api(portal, '/api/session', { headers: bearer(token), gp: false });
  expect(response.status, what).toBe(401);
  expect(json.code, what).toBe('invalid_token');
  expect(response.headers.get('www-authenticate'), what).toBe('Bearer error="invalid_token"');
  expect(text, what).not.toContain(token);
}

describe('Authorization: Bearer <access token>', () => {
  it('accepts an access token the IdP issued for the API (no cookie, Origin or X-GP-Request needed)', async () => {
    expect(decodeProtectedHeader(realToken)).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    const { response, json } = await api(portal, '/api/session', { headers: bearer(realToken), gp: false });
    expect(response.status).toBe(200);
    expect(json).toEqual({
      authenticated: true,
      customer: { name: PERSON.name, customerNumber: PERSON.customerNumber, kind: 'person' },
      clientId: 'biztos-pont',
      partner: { name: 'Biztos Pont Alkusz Kft.' },
    });
  });

  it('accepts a correctly made token (the control for the forgeries below)', async () => {
    const { response, json } = await api(portal, '/api/session', { headers: bearer(await sign({})), gp: false });
    expect(response.status).toBe(200);
    expect(json.customer.customerNumber).toBe(PERSON.customerNumber);
  });

  it('refuses a tampered token', async () => {
    const [header, payload, signature] = realToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const [company] = await db.sequelize.query<{ id: string }>(
      `select a.id from accounts a join customers c on c.id = a.customer_id where c.customer_number = :n`,
      { replacements: { n: COMPANY.customerNumber }, type: QueryTypes.SELECT },
    );
    const otherSubject = Buffer.from(JSON.stringify({ ...claims, sub: company!.id })).toString('base64url');
    await expectInvalid(`${header}.${otherSubject}.${signature}`, 'payload changed');
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    await expectInvalid(`${header}.${payload}.${flipped}`, 'signature changed');
    await expectInvalid(`${header}.${payload}`, 'signature removed');
  });

  it('refuses an expired token, and one not yet valid', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectInvalid(await sign({ iat: now - 400, exp: now - 100 }), 'expired');
    await expectInvalid(await sign({ nbf: now + 600 }), 'not before');
  });

  it('refuses a token for another audience, from another issuer, or of another type', async () => {
    await expectInvalid(await sign({ aud: `${portal.origin}/other` }), 'audience');
    await expectInvalid(await sign({ aud: 'biztos-pont' }), "audience = client (an ID token's)");
    await expectInvalid(await sign({ iss: 'https://idp.example' }), 'issuer');
    await expectInvalid(await sign({}, { typ: 'JWT' }), 'typ JWT');
    await expectInvalid(await sign({}, { typ: undefined }), 'no typ');
  });

  it('refuses a token without the portal scope', async () => {
    await expectInvalid(await sign({ scope: 'openid profile' }), 'scope');
    await expectInvalid(await sign({ scope: 'portalx' }), 'scope prefix');
  });

  it('refuses other algorithms and foreign keys', async () => {
    const hs = await new SignJWT({ client_id: 'biztos-pont', scope: 'portal', sub: accountId })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer(portal.issuer)
      .setAudience(`${portal.origin}/api`)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    await expectInvalid(hs, 'HS256');
    const [h, p] = (await sign({})).split('.') as [string, string];
    const none = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(h, 'base64url').toString()), alg: 'none' })).toString('base64url')}.${p}.`;
    await expectInvalid(none, 'alg none');
    const { privateKey } = await generateKeyPair('ES256');
    await expectInvalid(await sign({}, {}, privateKey), 'foreign key, same kid');
    const { privateKey: other } = await generateKeyPair('ES256', { extractable: true });
    await expectInvalid(await sign({}, { kid: 'other', jwk: await exportJWK(other) }, other), 'embedded key');
  });

  it('refuses a token of an unknown or deactivated partner, or for an unknown account', async () => {
    await expectInvalid(await sign({ client_id: 'no-such-partner' }), 'unknown client');
    await db.sequelize.query(`update partner_clients set active = false where client_id = 'pannon-alkusz'`);
    await expectInvalid(await sign({ client_id: 'pannon-alkusz' }), 'deactivated client');
    await expectInvalid(await sign({ sub: crypto.randomUUID() }), 'unknown account');
    await expectInvalid(await sign({ sub: 'not-a-uuid' }), 'malformed subject');
    await expectInvalid(await sign({ client_id: undefined }), 'no client_id');
  });

  it('refuses a malformed Authorization header rather than ignoring it', async () => {
    for (const header of ['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', `Token ${realToken}`]) {
      const { response, json } = await api(portal, '/api/session', { headers: { authorization: header }, gp: false });
      expect(response.status, header).toBe(401);
      expect(json.code).toBe('invalid_token');
    }
  });

  it('never answers the token back', () => {
    const everything = portal.seen.join('\n');
    for (const secret of portal.secrets) expect(everything.includes(secret)).toBe(false);
  });
});

describe('a real access token after the account’s sessions ended (audit finding 9)', () => {
  const session = (token: string) => api(portal, '/api/session', { headers: bearer(token), gp: false });
  /** Past the second of the token's `iat`: the stamp is compared with whole seconds. */
  const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));

  it('is refused once the password was reset, and a token issued after the reset is taken', async () => {
    const { tokens } = await realLogin(COMPANY);
    expect((await session(tokens.access_token)).response.status).toBe(200);
    await nextSecond();

    const browser = new Browser(portal.origin);
    const asked = await browser.request('/account/forgot-password', { form: { email: COMPANY.username } });
    expect(asked.status).toBe(200);
    await asked.arrayBuffer();
    const [mail] = await db.sequelize.query<{ data: { resetUrl: string } }>(
      `select data from notifications where template = 'password_reset' and lower(to_address) = lower(:to) order by created_at desc limit 1`,
      { replacements: { to: COMPANY.username }, type: QueryTypes.SELECT },
    );
    const token = new URL(mail!.data.resetUrl).searchParams.get('token')!;
    const newPassword = 'nyári zápor a Tiszán';
    const reset = await browser.request('/account/reset-password', { form: { token, password: newPassword, passwordConfirm: newPassword } });
    expect(reset.status).toBe(200);
    await reset.arrayBuffer();

    await expectInvalid(tokens.access_token, 'issued before the reset');
    await nextSecond();
    const after = await realLogin({ ...COMPANY, password: newPassword });
    expect((await session(after.tokens.access_token)).response.status).toBe(200);
  });

  it('is refused once its grant was revoked (the partner logged the customer out)', async () => {
    const { config, tokens } = await realLogin(PERSON);
    expect((await session(tokens.access_token)).response.status).toBe(200);
    await nextSecond();
    await oidc.tokenRevocation(config, tokens.refresh_token!);
    await expectInvalid(tokens.access_token, 'issued before the revocation');
  });
});
