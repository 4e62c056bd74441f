import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../support/database.ts';
import { api, Browser, BROKER_ORIGIN, loginSession, PERSON, startPortal, type BrowserSession, type RunningPortal } from '../session/harness.ts';
import { rows } from './support.ts';

/**
 * A password change on the IdP's page (issue 16) keeps the API sessions of the browser it was
 * made in and ends every other one, on real PostgreSQL: the IdP names its own log-in session
 * (from its signed cookie), the API sessions know theirs from the ID token (`idp_session`), so
 * nothing a request says decides which session survives.
 */
const db = useTestDatabase();
let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
}, 60_000);
afterAll(() => portal?.close());

const whoAmI = (session: BrowserSession, origin: string) => api(portal, '/api/session', { origin, session });
const NEW_PASSWORD = 'nyári zápor a Tiszán';

describe('a password change and the API sessions', () => {
  it('keeps the sessions logged in through the browser that changed it (also after a refresh) and ends every other one at once', async () => {
    const here = new Browser(portal.origin);
    const elsewhere = new Browser(portal.origin);
    // This browser: the broker's page and the insurer's page, each through the popup (one IdP session).
    const { session: broker } = await loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON, browser: here });
    const { session: standalone } = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON, browser: here });
    // Another device, and a session from before the API knew its IdP session.
    const { session: other } = await loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON, browser: elsewhere });
    const { session: older } = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON, browser: elsewhere });
    await db.sequelize.query(`update bff_sessions set idp_session = null where id_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, {
      bind: [older.handle],
    });
    const idpSessionOf = async (session: BrowserSession) =>
      (
        await rows<{ idp_session: string | null }>(
          db.sequelize,
          `select idp_session from bff_sessions where id_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
          [session.handle],
        )
      )[0]!.idp_session;
    const hereUid = await idpSessionOf(broker);
    expect(hereUid).toMatch(/^[\w-]{20,}$/);
    expect(await idpSessionOf(standalone)).toBe(hereUid);
    expect(await idpSessionOf(other)).not.toBe(hereUid);

    // The change, in the popup's browser (its IdP session cookie is what the account page reads).
    const page = await here.request('/account/change-password?lang=hu');
    expect(page.status).toBe(200);
    await page.arrayBuffer();
    const changed = await here.request('/account/change-password?lang=hu', {
      form: { currentPassword: PERSON.password, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('data-code="password_changed"');

    expect((await whoAmI(broker, BROKER_ORIGIN)).response.status).toBe(200);
    expect((await whoAmI(standalone, portal.origin)).response.status).toBe(200);
    for (const [session, origin] of [
      [other, BROKER_ORIGIN],
      [older, portal.origin],
    ] as const) {
      const ended = await whoAmI(session, origin);
      expect(ended.response.status).toBe(401);
      expect(ended.json.code).toBe('session_expired');
    }

    // The kept session's refresh token was kept with it: its next refresh works.
    await db.sequelize.query(
      `update bff_sessions set tokens = jsonb_set(tokens, '{accessExpiresAt}', to_jsonb(now() - interval '1 minute'))
        where id_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      { bind: [broker.handle] },
    );
    const refreshed = await whoAmI(broker, BROKER_ORIGIN);
    expect(refreshed.response.status).toBe(200);
    const [row] = await rows<{ fresh: boolean }>(
      db.sequelize,
      `select cast(tokens->>'accessExpiresAt' as timestamptz) > now() as fresh from bff_sessions where id_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [broker.handle],
    );
    expect(row!.fresh).toBe(true);
    // The other device's log-in is gone at the IdP too: none of its tokens is left.
    const left = await rows<{ uid: string }>(
      db.sequelize,
      `select payload->>'uid' as uid from oidc_models where model = 'Session' and payload->>'accountId' = (select id::text from accounts where lower(username) = lower($1))`,
      [PERSON.username],
    );
    expect(left.map((session) => session.uid)).toEqual([hereUid]);
  }, 120_000);
});
