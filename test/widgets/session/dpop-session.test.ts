import { describe, it } from '../mocha.ts';
import { expect } from '@open-wc/testing';
import { ApiClient } from '../../../widgets/api/api-client.ts';
import { DpopSession } from '../../../widgets/session/dpop-session.ts';
import { openKeyStore } from '../../../widgets/session/key-store.ts';
import { FAKE_API_BASE, FakeApi, problem, respond } from '../support/fake-api.ts';

const b64uJson = (part: string) => JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/')));
const b64u = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** Checks a proof as the API does (header, claims, signature by its embedded key), with WebCrypto. */
async function verifyProof(proof: string) {
  const [h, p, s] = proof.split('.') as [string, string, string];
  const header = b64uJson(h);
  const claims = b64uJson(p);
  const key = await crypto.subtle.importKey('jwk', header.jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  const signature = Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const valid = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, new TextEncoder().encode(`${h}.${p}`));
  return { header, claims, valid };
}

async function freshSession(): Promise<DpopSession> {
  const session = new DpopSession(openKeyStore(FAKE_API_BASE));
  await session.forget();
  return session;
}

describe('DpopSession: the proof on each request', () => {
  it('sends nothing before a log-in, a proof alone to redeem, then the handle and a proof with every request', async () => {
    const session = await freshSession();
    expect(await session.headers('GET', `${FAKE_API_BASE}/policies`)).to.deep.equal({});
    await session.newKey();
    const redeem = await session.headers('POST', `${FAKE_API_BASE}/session`, true);
    expect(Object.keys(redeem)).to.deep.equal(['DPoP']);
    const redeemProof = await verifyProof(redeem.DPoP!);
    expect(redeemProof.valid).to.equal(true);
    expect(redeemProof.claims.ath).to.equal(undefined);

    await session.bind('handle-7');
    const first = await session.headers('PATCH', `${FAKE_API_BASE}/me?x=1#y`);
    const second = await session.headers('PATCH', `${FAKE_API_BASE}/me?x=1#y`);
    expect(first.Authorization).to.equal('DPoP handle-7');
    const { header, claims, valid } = await verifyProof(first.DPoP!);
    expect(valid).to.equal(true);
    expect(header).to.include({ typ: 'dpop+jwt', alg: 'ES256' });
    expect(header.jwk).to.include({ kty: 'EC', crv: 'P-256' });
    expect(header.jwk.d).to.equal(undefined); // never the private key
    expect(claims).to.include({ htm: 'PATCH', htu: `${FAKE_API_BASE}/me` });
    expect(claims.ath).to.equal(b64u(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('handle-7'))));
    expect(Math.abs(claims.iat - Date.now() / 1000)).to.be.lessThan(5);
    expect(claims.jti).to.be.a('string');
    expect(b64uJson(second.DPoP!.split('.')[1]!).jti).not.to.equal(claims.jti); // a new proof each time
    // Redeem and requests are signed by the same key.
    expect(header.jwk).to.deep.equal(redeemProof.header.jwk);
  });

  it('keeps the private key non-extractable', async () => {
    const session = await freshSession();
    await session.newKey();
    const stored = await (await openKeyStore(FAKE_API_BASE)).load();
    expect(stored!.keys.privateKey.extractable).to.equal(false);
    let refused = false;
    await crypto.subtle.exportKey('jwk', stored!.keys.privateKey).catch(() => (refused = true));
    expect(refused).to.equal(true);
  });

  it("signs every ApiClient request, and on use_dpop_nonce signs it again once with the API's nonce", async () => {
    const session = await freshSession();
    await session.newKey();
    await session.bind('handle-8');
    const api = new FakeApi({ authenticated: false }).install();
    api.handles.add('handle-8');
    try {
      let calls = 0;
      api.on('GET', '/policies', () => {
        calls++;
        if (calls === 1)
          return respond({ ...problem(401, 'use_dpop_nonce'), headers: { 'content-type': 'application/problem+json', 'dpop-nonce': 'n0nce.abc' } });
        return { json: { items: [] } };
      });
      const unauthorized: string[] = [];
      const client = new ApiClient(FAKE_API_BASE, { session, onUnauthorized: (p) => unauthorized.push(p.code) });
      expect(await client.get('/policies', { page: 2 })).to.deep.equal({ items: [] });
      const [first, retry] = api.callsTo('GET', '/policies');
      expect(first!.credentials).to.equal('omit');
      expect(first!.headers.get('authorization')).to.equal('DPoP handle-8');
      expect(b64uJson(first!.headers.get('dpop')!.split('.')[1]!).nonce).to.equal(undefined);
      expect(b64uJson(retry!.headers.get('dpop')!.split('.')[1]!)).to.include({ nonce: 'n0nce.abc', htm: 'GET', htu: `${FAKE_API_BASE}/policies` });
      expect(unauthorized).to.deep.equal([]);
    } finally {
      api.restore();
    }
  });

  it('retries an upload refused with use_dpop_nonce once, with a new proof that carries the nonce', async () => {
    const session = await freshSession();
    await session.newKey();
    await session.bind('handle-9');
    const api = new FakeApi({ authenticated: false }).install();
    api.handles.add('handle-9');
    try {
      let calls = 0;
      api.on('POST', '/claims', () => {
        calls++;
        if (calls === 1)
          return respond({ ...problem(401, 'use_dpop_nonce'), headers: { 'content-type': 'application/problem+json', 'dpop-nonce': 'n0nce.up' } });
        return { status: 201, json: { id: 'c1' } };
      });
      const unauthorized: string[] = [];
      const client = new ApiClient(FAKE_API_BASE, { session, onUnauthorized: (p) => unauthorized.push(p.code) });
      const form = new FormData();
      form.set('description', 'x');
      expect(await client.upload('/claims', form)).to.deep.equal({ id: 'c1' });
      const [first, retry] = api.callsTo('POST', '/claims');
      expect(api.callsTo('POST', '/claims')).to.have.length(2);
      const firstClaims = b64uJson(first!.headers.get('dpop')!.split('.')[1]!);
      const retryClaims = b64uJson(retry!.headers.get('dpop')!.split('.')[1]!);
      expect(firstClaims.nonce).to.equal(undefined);
      expect(retryClaims).to.include({ nonce: 'n0nce.up', htm: 'POST', htu: `${FAKE_API_BASE}/claims` });
      expect(retryClaims.jti).not.to.equal(firstClaims.jti); // a write's proof is never sent twice
      expect(retry!.headers.get('authorization')).to.equal('DPoP handle-9');
      expect(unauthorized).to.deep.equal([]);
    } finally {
      api.restore();
    }
  });

  it('retries an upload only once: a second use_dpop_nonce is the answer', async () => {
    const session = await freshSession();
    await session.newKey();
    await session.bind('handle-10');
    const api = new FakeApi({ authenticated: false }).install();
    api.handles.add('handle-10');
    try {
      api.on('POST', '/claims', () =>
        respond({ ...problem(401, 'use_dpop_nonce'), headers: { 'content-type': 'application/problem+json', 'dpop-nonce': 'n0nce.again' } }),
      );
      const client = new ApiClient(FAKE_API_BASE, { session });
      const refusal = await client.upload('/claims', new FormData()).catch((error: unknown) => error);
      expect((refusal as { code?: string }).code).to.equal('use_dpop_nonce');
      expect(api.callsTo('POST', '/claims')).to.have.length(2);
    } finally {
      api.restore();
    }
  });
});
