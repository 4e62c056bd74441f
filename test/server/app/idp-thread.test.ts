import type { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/config.ts';
import { startPortal, type RunningPortal } from '../../../server/app/start.ts';
import { silentLogger } from '../../../common/http/logger.ts';
import { healthRoutes } from '../../../server/http/health.ts';
import { freePort } from '../../support/free-port.ts';
import { createThrowawayDatabase } from '../../support/database.ts';

// oidc-provider's own AsyncLocalStorage (its `Provider.ctx`): running a request inside it is what
// switches on Node 20's promise hooks for a whole thread (see server/app/idp-thread/idp-thread.ts).
const { default: providerContext } = (await import('oidc-provider/lib/helpers/als.js' as string)) as {
  default: AsyncLocalStorage<unknown> & { enabled: boolean };
};

// The product as `npm start` runs it: on a throw-away PostgreSQL database when DATABASE_URL is set, else on the embedded one.
const dataDir = await mkdtemp(join(tmpdir(), 'gp-idp-thread-'));
let dropDatabase = async () => {};
let portal: RunningPortal;
beforeAll(async () => {
  const env: Record<string, string> = { PORT: String(await freePort()), BROKER_DEMO_PORT: String(await freePort()), DATA_DIR: dataDir };
  if (process.env.DATABASE_URL) {
    const database = await createThrowawayDatabase(process.env.DATABASE_URL, { prefix: 'gp_idp_thread', poolMax: 1 });
    env.DATABASE_URL = database.url;
    dropDatabase = database.drop;
  }
  portal = await startPortal(loadConfig(env), silentLogger);
}, 120_000);
afterAll(async () => {
  await portal?.close();
  await dropDatabase();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the IdP's endpoints in a thread of their own", () => {
  it("serve a log-in from the popup's first request to its login page, and never switch on the provider's AsyncLocalStorage in the app's thread", async () => {
    expect(providerContext.enabled).toBe(false);
    const origin = portal.urls.portal;
    const discovery = await fetch(`${origin}/oidc/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(`${origin}/oidc`);

    // The widget starts a log-in (API, this thread); the popup opens the authorization URL (the IdP thread) …
    const start = await fetch(`${origin}/api/session/login`, {
      method: 'POST',
      headers: { origin, 'x-gp-request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'portal', mode: 'popup' }),
    });
    expect(start.status).toBe(200);
    const { authorizationUrl } = (await start.json()) as { authorizationUrl: string };
    const authorization = await fetch(authorizationUrl, { redirect: 'manual' });
    expect(authorization.status).toBe(303);
    const interaction = new URL(authorization.headers.get('location')!, origin);
    expect(interaction.pathname).toMatch(/^\/interaction\/[\w-]+$/);

    // … and the login page (this thread's provider object) finds the interaction the thread stored, by its cookie.
    const cookies = authorization.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
    const page = await fetch(interaction, { headers: { cookie: cookies } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="password"');

    expect(providerContext.enabled).toBe(false);
  });

  it('/healthz and /readyz answer 503 idp_unavailable once the thread has stopped (it does not come back by itself)', async () => {
    const stopped = healthRoutes(portal.database.sequelize, { idpAlive: () => false });
    const running = healthRoutes(portal.database.sequelize, { idpAlive: () => true });
    for (const path of ['/healthz', '/readyz']) {
      const response = await stopped.request(path);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { code: string }).code).toBe('idp_unavailable');
      expect((await running.request(path)).status).toBe(200);
    }
  });
});
