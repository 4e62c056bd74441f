import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../support/database.ts';
import { api, BROKER_ORIGIN, COMPANY, PERSON, type BrowserSession } from '../session/harness.ts';
import { useTwoInstances } from '../../resilience/support.ts';
import { CHROME_ON_WINDOWS, FIREFOX_ON_ANDROID, loginFrom, rows } from './support.ts';

/**
 * The account's sessions (`/api/security/sessions`) on two instances of the product behind a
 * load balancer, on one database: listing across partner sites, ending one (its next request is
 * 401 on the other instance too), ending all others (notice e-mail and audit), and partner scope.
 */
const db = useTestDatabase();
const deployment = useTwoInstances(db, { customers: 8 });

beforeEach(async () => {
  deployment.lb.route = 'A';
  await db.sequelize.query(`delete from bff_sessions; delete from notifications; delete from audit_events`);
});

const list = (session: BrowserSession, origin = deployment.portal.origin) => api(deployment.portal, '/api/security/sessions', { origin, session });

describe('GET /api/security/sessions', () => {
  it('lists the account’s sessions across partner sites: device in words, times, which is this one; no handle, hash or address', async () => {
    const portalSession = await loginFrom(deployment.portal, {
      origin: deployment.portal.origin,
      clientId: 'portal',
      user: PERSON,
      userAgent: CHROME_ON_WINDOWS,
    });
    const brokerSession = await loginFrom(deployment.portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON, userAgent: FIREFOX_ON_ANDROID });
    await loginFrom(deployment.portal, { origin: deployment.portal.origin, clientId: 'portal', user: COMPANY, userAgent: CHROME_ON_WINDOWS });

    const { response, json, text } = await list(portalSession);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(json.sessions).toHaveLength(2); // not the company's
    const mine = json.sessions.find((s: { current: boolean }) => s.current);
    const other = json.sessions.find((s: { current: boolean }) => !s.current);
    expect(mine).toMatchObject({ site: 'Gránit Pont Ügyfélportál', device: 'Chrome, Windows 10' });
    expect(other).toMatchObject({ device: 'Firefox, Android 14', current: false });
    for (const s of json.sessions) {
      expect(Object.keys(s).sort()).toEqual(['current', 'device', 'id', 'lastSeenAt', 'site', 'startedAt']);
      expect(Date.parse(s.startedAt)).not.toBeNaN();
    }
    // The insurer's own deployment.portal names every site; no handle, row key or raw User-Agent shows.
    expect(other.site).not.toBeNull();
    const stored = await rows<{ id_hash: string }>(db.sequelize, 'select id_hash from bff_sessions');
    for (const secret of [portalSession.handle, brokerSession.handle, ...stored.map((r) => r.id_hash), 'Mozilla', '127.0.0.1'])
      expect(text).not.toContain(secret);
  }, 60_000);

  it('a broker’s site sees another broker’s session as “another site”, and the insurer’s portal by name', async () => {
    const viaBroker = await loginFrom(deployment.portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON });
    await loginFrom(deployment.portal, { origin: 'https://www.dunaalkusz.example', clientId: 'duna-alkusz', user: PERSON });
    await loginFrom(deployment.portal, { origin: deployment.portal.origin, clientId: 'portal', user: PERSON });

    const { json } = await list(viaBroker, BROKER_ORIGIN);
    const sites = json.sessions.map((s: { site: string | null; current: boolean }) => [s.current, s.site]);
    expect(sites).toContainEqual([true, 'Biztos Pont Alkusz Kft.']);
    expect(sites).toContainEqual([false, 'Gránit Pont Ügyfélportál']);
    expect(sites).toContainEqual([false, null]);
    expect(JSON.stringify(json)).not.toMatch(/duna/i);
  }, 60_000);

  it('needs a log-in', async () => {
    const { response, json } = await api(deployment.portal, '/api/security/sessions', { origin: deployment.portal.origin });
    expect(response.status).toBe(401);
    expect(json.code).toBe('unauthenticated');
  });
});

describe('DELETE /api/security/sessions/{id}', () => {
  it('ends another session: its next request is 401 on the other instance too, and is audited', async () => {
    const here = await loginFrom(deployment.portal, { origin: deployment.portal.origin, clientId: 'portal', user: PERSON });
    const there = await loginFrom(deployment.portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON });
    deployment.lb.route = 'B';
    expect((await api(deployment.portal, '/api/me', { origin: BROKER_ORIGIN, session: there })).response.status).toBe(200);

    deployment.lb.route = 'A';
    const target = (await list(here)).json.sessions.find((s: { current: boolean }) => !s.current);
    const ended = await api(deployment.portal, `/api/security/sessions/${target.id}`, { method: 'DELETE', origin: deployment.portal.origin, session: here });
    expect(ended.response.status).toBe(204);

    deployment.lb.route = 'B';
    const after = await api(deployment.portal, '/api/me', { origin: BROKER_ORIGIN, session: there });
    expect(after.response.headers.get('x-served-by')).toBe('B');
    expect(after.response.status).toBe(401);
    expect(after.json.code).toBe('session_expired');
    // The one that asked goes on.
    expect((await api(deployment.portal, '/api/me', { origin: deployment.portal.origin, session: here })).response.status).toBe(200);
    const audit = await rows<{ action: string; metadata: { reason?: string }; actor_type: string }>(
      db.sequelize,
      `select action, metadata, actor_type from audit_events where action = 'session.ended'`,
    );
    expect(audit).toEqual([{ action: 'session.ended', metadata: { reason: 'ended_by_customer' }, actor_type: 'customer' }]);
  }, 60_000);

  it('refuses this very session (409 current_session), another customer’s and unknown ids (404), changing nothing', async () => {
    const person = await loginFrom(deployment.portal, { origin: deployment.portal.origin, clientId: 'portal', user: PERSON });
    const company = await loginFrom(deployment.portal, { origin: deployment.portal.origin, clientId: 'portal', user: COMPANY });
    const own = (await list(person)).json.sessions[0];
    const theirs = (await list(company)).json.sessions[0];

    const current = await api(deployment.portal, `/api/security/sessions/${own.id}`, { method: 'DELETE', origin: deployment.portal.origin, session: person });
    expect(current.response.status).toBe(409);
    expect(current.json.code).toBe('current_session');
    for (const id of [theirs.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', '1%20or%201=1']) {
      const { response, json } = await api(deployment.portal, `/api/security/sessions/${id}`, {
        method: 'DELETE',
        origin: deployment.portal.origin,
        session: person,
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(json.code).toBe('session_not_found');
    }
    const [counted] = await rows<{ count: string }>(db.sequelize, `select count(*) from bff_sessions where tokens->>'stage' = 'session'`);
    expect(Number(counted!.count)).toBe(2);
    expect((await api(deployment.portal, '/api/me', { origin: deployment.portal.origin, session: company })).response.status).toBe(200);
  }, 60_000);
});

describe('DELETE /api/security/sessions (all others)', () => {
  it('ends every other session of the account, not other customers’; one notice e-mail in the customer’s language and an audit event', async () => {
    const here = await loginFrom(deployment.portal, { origin: deployment.portal.origin, clientId: 'portal', user: PERSON });
    const others = [
      await loginFrom(deployment.portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON }),
      await loginFrom(deployment.portal, { origin: deployment.portal.origin, clientId: 'portal', user: PERSON }),
    ];
    const company = await loginFrom(deployment.portal, { origin: deployment.portal.origin, clientId: 'portal', user: COMPANY });

    deployment.lb.route = 'B';
    const { response, json } = await api(deployment.portal, '/api/security/sessions', { method: 'DELETE', origin: deployment.portal.origin, session: here });
    expect(response.status).toBe(200);
    expect(json).toEqual({ ended: 2 });

    deployment.lb.route = 'A';
    for (const [session, origin] of [
      [others[0]!, BROKER_ORIGIN],
      [others[1]!, deployment.portal.origin],
    ] as const) {
      expect((await api(deployment.portal, '/api/me', { origin, session })).response.status).toBe(401);
    }
    expect((await api(deployment.portal, '/api/me', { origin: deployment.portal.origin, session: here })).response.status).toBe(200);
    expect((await api(deployment.portal, '/api/me', { origin: deployment.portal.origin, session: company })).response.status).toBe(200);

    const mails = await rows<{ template: string; to_address: string; language: string; data: { event: string } }>(
      db.sequelize,
      `select template, to_address, language, data from notifications`,
    );
    expect(mails).toHaveLength(1);
    const [customer] = await rows<{ language: string }>(
      db.sequelize,
      'select c.language from customers c join accounts a on a.customer_id = c.id where lower(a.username) = lower($1)',
      [PERSON.username],
    );
    expect(mails[0]).toMatchObject({
      template: 'security_notice',
      to_address: PERSON.username,
      language: customer!.language,
      data: { event: 'sessions_ended' },
    });
    const audit = await rows<{ metadata: { ended: number } }>(db.sequelize, `select metadata from audit_events where action = 'account.sessions_ended'`);
    expect(audit).toEqual([{ metadata: { ended: 2 } }]);

    // Nothing left to end: no second e-mail.
    const again = await api(deployment.portal, '/api/security/sessions', { method: 'DELETE', origin: deployment.portal.origin, session: here });
    expect(again.json).toEqual({ ended: 0 });
    expect(await rows(db.sequelize, `select 1 from notifications`)).toHaveLength(1);
  }, 60_000);
});
