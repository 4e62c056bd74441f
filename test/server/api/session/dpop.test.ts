import { describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../../support/database.ts';
import { useTwoInstances } from '../../resilience/support.ts';
import {
  api,
  BROKER_ORIGIN,
  loginSession,
  loginToCallback,
  newKeyPair,
  OTHER_PARTNER_ORIGIN,
  PERSON,
  proofFor,
  redeem,
  ticketFrom,
  type BrowserSession,
} from './harness.ts';

/**
 * The key-bound session's security rules (issue 13), against the real API on PostgreSQL, with two
 * instances of the product on one database behind a load balancer (`lb.route` picks one): a
 * handle is worthless without its key; a proof holds for one method, one URL, about 60 seconds;
 * a write's proof holds once on every instance; a log-out or expiry counts at once everywhere;
 * a session stays with the partner it was opened through. Each refusal has its stable code.
 */
const db = useTestDatabase();
const deployment = useTwoInstances(db, { customers: 6 });

const login = async (): Promise<BrowserSession> => {
  deployment.lb.route = 'A';
  return (await loginSession(deployment.portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON })).session;
};
const url = (path: string) => new URL(path, deployment.portal.origin);
const get = (session: BrowserSession, path: string, proof?: string | null, origin = BROKER_ORIGIN) =>
  api(deployment.portal, path, { origin, session, ...(proof === undefined ? {} : { proof }) });

function expectRefused(answer: { response: Response; json: any }, status: number, code: string): void {
  expect(answer.response.status, JSON.stringify(answer.json)).toBe(status);
  expect(answer.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.json.code).toBe(code);
}

describe('a handle without its key is worthless', () => {
  it('refuses the handle alone (no DPoP header): 401 invalid_dpop_proof with a DPoP challenge', async () => {
    const session = await login();
    const answer = await get(session, '/api/policies', null);
    expectRefused(answer, 401, 'invalid_dpop_proof');
    expect(answer.response.headers.get('www-authenticate')).toMatch(/^DPoP error="invalid_dpop_proof"/);
    // The rightful page still gets in.
    expect((await get(session, '/api/policies')).response.status).toBe(200);
  });

  it('refuses a valid proof of another key with the stolen handle: 401 dpop_key_mismatch, also after the bound key is cached', async () => {
    const session = await login();
    const thief = { handle: session.handle, keys: await newKeyPair() };
    expectRefused(await get(thief, '/api/policies'), 401, 'dpop_key_mismatch');
    expect((await get(session, '/api/policies')).response.status).toBe(200); // the bound key is now cached on A
    expectRefused(await get(thief, '/api/policies'), 401, 'dpop_key_mismatch');
  });

  it('refuses a proof whose ath names another handle, or none: 401 invalid_dpop_proof', async () => {
    const session = await login();
    const wrongAth = await proofFor(session.keys, 'GET', url('/api/policies'), { handle: 'B'.repeat(43) });
    expectRefused(await get(session, '/api/policies', wrongAth), 401, 'invalid_dpop_proof');
    const noAth = await proofFor(session.keys, 'GET', url('/api/policies'));
    expectRefused(await get(session, '/api/policies', noAth), 401, 'invalid_dpop_proof');
  });

  it('refuses a proof with a forged signature and nonsense: 401 invalid_dpop_proof', async () => {
    const session = await login();
    const good = await proofFor(session.keys, 'GET', url('/api/policies'), { handle: session.handle });
    const [header, payload] = good.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, htu: url('/api/me').href })).toString('base64url')}.${good.split('.')[2]}`;
    for (const proof of [forged, 'not-a-jws', `${good}x`.replace(/\.[^.]+$/, '.AAAA')]) {
      expectRefused(await get(session, proof === forged ? '/api/me' : '/api/policies', proof), 401, 'invalid_dpop_proof');
    }
  });
});

describe('a proof holds for one request', () => {
  it('refuses a proof made for another method: 401 invalid_dpop_proof', async () => {
    const session = await login();
    const proof = await proofFor(session.keys, 'POST', url('/api/policies'), { handle: session.handle });
    expectRefused(await get(session, '/api/policies', proof), 401, 'invalid_dpop_proof');
  });

  it('refuses a proof made for another URL: 401 invalid_dpop_proof (the query is not part of it)', async () => {
    const session = await login();
    const proof = await proofFor(session.keys, 'GET', url('/api/documents'), { handle: session.handle });
    expectRefused(await get(session, '/api/policies', proof), 401, 'invalid_dpop_proof');
    const sameWithQuery = await proofFor(session.keys, 'GET', url('/api/policies'), { handle: session.handle });
    expect((await get(session, '/api/policies?pageSize=1', sameWithQuery)).response.status).toBe(200);
  });

  it('refuses a proof older than 60 seconds: 401 use_dpop_nonce with a DPoP-Nonce, and a retry signed with it (any instance) is let in', async () => {
    const session = await login();
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now - 61_000);
    const old = await proofFor(session.keys, 'GET', url('/api/policies'), { handle: session.handle });
    clock.mockRestore();
    const refused = await get(session, '/api/policies', old);
    expectRefused(refused, 401, 'use_dpop_nonce');
    expect(refused.response.headers.get('www-authenticate')).toMatch(/^DPoP error="use_dpop_nonce"/);
    const nonce = refused.response.headers.get('dpop-nonce');
    expect(nonce).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);

    // A browser whose clock is 10 minutes slow: its proofs are all "old", so it signs with the nonce.
    deployment.lb.route = 'B';
    const skewed = vi.spyOn(Date, 'now').mockReturnValue(now - 600_000);
    const retry = await proofFor(session.keys, 'GET', url('/api/policies'), { handle: session.handle, nonce: nonce! });
    skewed.mockRestore();
    const answer = await get(session, '/api/policies', retry);
    expect(answer.response.status).toBe(200);
    expect(answer.response.headers.get('x-served-by')).toBe('B');
    // A nonce this product never issued is refused like a stale proof.
    const madeUp = await proofFor(session.keys, 'GET', url('/api/policies'), { handle: session.handle, nonce: `${nonce!.split('.')[0]}.${'A'.repeat(43)}` });
    expectRefused(await get(session, '/api/policies', madeUp), 401, 'use_dpop_nonce');
  });

  it('lets a read proof be replayed within its freshness window, but never a write proof, on any instance: 401 dpop_proof_replayed', async () => {
    const session = await login();
    const read = await proofFor(session.keys, 'GET', url('/api/me'), { handle: session.handle });
    expect((await get(session, '/api/me', read)).response.status).toBe(200);
    expect((await get(session, '/api/me', read)).response.status).toBe(200);

    const write = await proofFor(session.keys, 'PATCH', url('/api/me'), { handle: session.handle });
    const change = (proof: string) => api(deployment.portal, '/api/me', { method: 'PATCH', origin: BROKER_ORIGIN, session, proof, body: { language: 'en' } });
    deployment.lb.route = 'A';
    expect((await change(write)).response.status).toBe(200);
    expectRefused(await change(write), 401, 'dpop_proof_replayed');
    deployment.lb.route = 'B';
    const onB = await change(write);
    expect(onB.response.headers.get('x-served-by')).toBe('B');
    expectRefused(onB, 401, 'dpop_proof_replayed');
    // The same write with a new proof goes through.
    expect((await api(deployment.portal, '/api/me', { method: 'PATCH', origin: BROKER_ORIGIN, session, body: { language: 'hu' } })).response.status).toBe(200);
  });

  it("keeps a write proof's jti only until it could no longer be fresh", async () => {
    const [row] = await db.sequelize.query<{ keep: number }>(`select max(extract(epoch from expires_at - now()))::int as keep from dpop_proof_jtis`, {
      type: QueryTypes.SELECT,
    });
    expect(row!.keep).toBeGreaterThan(60);
    expect(row!.keep).toBeLessThanOrEqual(180);
  });
});

describe('ending a session counts at once on every instance', () => {
  it('log-out through A: B refuses the handle and its key at once (401 session_expired)', async () => {
    const session = await login();
    deployment.lb.route = 'B';
    expect((await get(session, '/api/policies')).response.status).toBe(200);
    deployment.lb.route = 'A';
    expect((await api(deployment.portal, '/api/session', { method: 'DELETE', origin: BROKER_ORIGIN, session })).response.status).toBe(204);
    deployment.lb.route = 'B';
    const after = await get(session, '/api/policies');
    expect(after.response.headers.get('x-served-by')).toBe('B');
    expectRefused(after, 401, 'session_expired');
  });

  it('expiry: B refuses the handle the moment the row says it has expired (401 session_expired)', async () => {
    const session = await login();
    deployment.lb.route = 'B';
    expect((await get(session, '/api/policies')).response.status).toBe(200);
    await db.sequelize.query(`update bff_sessions set expires_at = now() - interval '1 second' where id_hash = :h`, {
      replacements: { h: createHash('sha256').update(session.handle).digest('hex') },
    });
    expectRefused(await get(session, '/api/policies'), 401, 'session_expired');
  });
});

describe('a session stays with its partner', () => {
  it("refuses a session opened through partner A from partner B's origin, with a valid proof: 403 origin_not_allowed", async () => {
    const session = await login();
    expectRefused(await get(session, '/api/policies', undefined, OTHER_PARTNER_ORIGIN), 403, 'origin_not_allowed');
    expect((await get(session, '/api/policies')).response.status).toBe(200);
  });
});

describe('redeeming the log-in ticket binds the session to a key', () => {
  it('refuses a redeem without a proof (401 invalid_dpop_proof) and leaves the ticket usable by the page with its key', async () => {
    deployment.lb.route = 'A';
    const { html, loginSecret } = await loginToCallback(deployment.portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont' });
    const ticket = ticketFrom(html);
    const bare = await api(deployment.portal, '/api/session', { origin: BROKER_ORIGIN, body: { ticket, loginSecret } });
    expectRefused(bare, 401, 'invalid_dpop_proof');
    const withKey = await redeem(deployment.portal, BROKER_ORIGIN, ticket, loginSecret);
    expect(withKey.response.status).toBe(200);
    // Bound to the key that redeemed it: that key's proofs pass, another's don't.
    const session = { handle: withKey.json.handle as string, keys: withKey.keys };
    expect((await get(session, '/api/session')).json.authenticated).toBe(true);
    expectRefused(await get({ ...session, keys: await newKeyPair() }, '/api/session'), 401, 'dpop_key_mismatch');
  });

  it('refuses a redeem proof made for another URL or replayed', async () => {
    deployment.lb.route = 'A';
    const { html, loginSecret } = await loginToCallback(deployment.portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont' });
    const keys = await newKeyPair();
    const wrongUrl = await proofFor(keys, 'POST', url('/api/session/login'));
    const body = { ticket: ticketFrom(html), loginSecret };
    expectRefused(await api(deployment.portal, '/api/session', { origin: BROKER_ORIGIN, body, headers: { dpop: wrongUrl } }), 401, 'invalid_dpop_proof');
    const proof = await proofFor(keys, 'POST', url('/api/session'));
    expect((await api(deployment.portal, '/api/session', { origin: BROKER_ORIGIN, body, headers: { dpop: proof } })).response.status).toBe(200);
    deployment.lb.route = 'B';
    expectRefused(await api(deployment.portal, '/api/session', { origin: BROKER_ORIGIN, body, headers: { dpop: proof } }), 401, 'dpop_proof_replayed');
  });
});
