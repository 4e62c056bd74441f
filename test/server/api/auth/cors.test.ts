import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../support/database.ts';
import { silentLogger } from '../../../../common/http/logger.ts';
import { PartnerOrigins } from '../../../../server/api/cors/partner-origins.ts';
import { addPartnerClient, removePartnerClient } from '../../../../common/partners/partner-clients.ts';
import { api, BROKER_ORIGIN, FOREIGN_ORIGIN, OTHER_PARTNER_ORIGIN, startPortal, type RunningPortal } from '../session/harness.ts';
import { partnerEnds } from '../../../../server/app/partner-ends.ts';
import { testPartnerSecrets } from '../../../support/partner-secrets.ts';

const db = useTestDatabase();
let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
});
afterAll(() => portal?.close());

function preflight(origin: string, method = 'POST', headers = 'content-type, x-gp-request') {
  return fetch(`${portal.origin}/api/session`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
  });
}

function corsHeaders(response: Response): string[] {
  return [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
}

describe('CORS for the registered partner origins', () => {
  it('answers a preflight from a registered origin: that origin, the widget and DPoP headers, no credentials, cached', async () => {
    for (const origin of [BROKER_ORIGIN, OTHER_PARTNER_ORIGIN, portal.origin]) {
      const response = await preflight(origin, 'DELETE');
      expect(response.status, origin).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      // The widgets send no cookie: the session is `Authorization: DPoP <handle>` + `DPoP: <proof>`.
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase().split(/,\s*/);
      expect(allowed.sort()).toEqual(['authorization', 'content-type', 'dpop', 'idempotency-key', 'x-gp-request']);
      expect(response.headers.get('access-control-allow-methods')).toContain('DELETE');
      expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThanOrEqual(60);
      expect(response.headers.get('vary')).toContain('Origin');
    }
  });

  it('gives any other origin no CORS header at all (the browser then refuses), preflight or not', async () => {
    for (const origin of [FOREIGN_ORIGIN, 'null', 'http://127.0.0.1:3002', 'https://www.dunaalkusz.example.evil.example']) {
      const pre = await preflight(origin);
      expect(corsHeaders(pre), origin).toEqual([]);
      const { response } = await api(portal, '/api/session', { origin });
      expect(corsHeaders(response), origin).toEqual([]);
      expect(response.headers.get('vary')).toContain('Origin');
    }
  });

  it('adds the headers to ordinary and refused answers for a registered origin, never a wildcard', async () => {
    const ok = await api(portal, '/api/session', { origin: BROKER_ORIGIN });
    expect(ok.response.headers.get('access-control-allow-origin')).toBe(BROKER_ORIGIN);
    expect(ok.response.headers.get('access-control-allow-credentials')).toBeNull();
    // A refused proof's nonce and challenge must be readable by the widget.
    const exposed = ok.response.headers.get('access-control-expose-headers')!.toLowerCase().split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['dpop-nonce', 'www-authenticate']));
    const refused = await api(portal, '/api/session/login', { origin: BROKER_ORIGIN, body: { clientId: 'no-such' } });
    expect(refused.response.status).toBe(400);
    expect(refused.response.headers.get('access-control-allow-origin')).toBe(BROKER_ORIGIN);
    const missing = await api(portal, '/api/no-such-resource', { origin: BROKER_ORIGIN });
    expect(missing.response.status).toBe(404);
    expect(missing.response.headers.get('access-control-allow-origin')).toBe(BROKER_ORIGIN);
  });
});

describe('PartnerOrigins', () => {
  it("knows every active partner's origins, and picks up a new or removed partner after its time to live", async () => {
    // A time to live long enough that a slow insert on a loaded machine still lands inside it.
    const origins = new PartnerOrigins(db.sequelize, silentLogger, 3000);
    expect(await origins.has(BROKER_ORIGIN)).toBe(true);
    expect(await origins.has('https://new-broker.example')).toBe(false);
    await addPartnerClient(db.sequelize, testPartnerSecrets, portal.publicUrl, {
      clientId: 'uj-alkusz',
      name: 'Új Alkusz Kft.',
      origins: ['https://new-broker.example'],
      brokerCode: 'UJALKUSZ',
    });
    expect(await origins.has('https://new-broker.example')).toBe(false); // cached
    await new Promise((resolve) => setTimeout(resolve, 3100));
    expect(await origins.has('https://new-broker.example')).toBe(true);
    await removePartnerClient(db.sequelize, 'uj-alkusz', partnerEnds(db.sequelize));
    await new Promise((resolve) => setTimeout(resolve, 3100));
    expect(await origins.has('https://new-broker.example')).toBe(false);
  }, 30_000);

  it('reads the set again ahead of time under traffic, answering from the set in hand meanwhile', async () => {
    const ttlMs = 4000;
    const origins = new PartnerOrigins(db.sequelize, silentLogger, ttlMs);
    const loaded = Date.now();
    expect(await origins.has('https://ahead.example')).toBe(false);
    await addPartnerClient(db.sequelize, testPartnerSecrets, portal.publicUrl, {
      clientId: 'elore-alkusz',
      name: 'Előre Alkusz Kft.',
      origins: ['https://ahead.example'],
      brokerCode: 'ELORE',
    });
    // Half its time to live old: the answer comes from the set in hand, and a read starts.
    await new Promise((resolve) => setTimeout(resolve, ttlMs / 2 + 200 - (Date.now() - loaded)));
    expect(await origins.has('https://ahead.example')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Still within the time to live of the first read, and the new partner is known already.
    expect(await origins.has('https://ahead.example')).toBe(true);
    await removePartnerClient(db.sequelize, 'elore-alkusz', partnerEnds(db.sequelize));
  }, 30_000);
});
