import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../support/database.ts';
import { openDatabase, type Database } from '../../../server/db/database.ts';
import { loginSession, sessionHeaders, PERSON, startPortal, type RunningPortal, type BrowserSession } from '../api/session/harness.ts';
import { startTcpProxy, type TcpProxy } from './support.ts';

/**
 * The database restarts while a logged-in customer keeps reading and writing: the product sits
 * behind a TCP proxy to PostgreSQL (or to the embedded PGlite's socket when DATABASE_URL is
 * unset), which is cut for a few seconds and restored, and the product is never restarted.
 */
const db = useTestDatabase();
let proxy: TcpProxy;
let product: Database;
let portal: RunningPortal;
let session: BrowserSession;

beforeAll(async () => {
  if (db.url) {
    const direct = new URL(db.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(db.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    product = await openDatabase({ databaseUrl: proxied.href, dataDir: '', poolMax: 5 });
  } else {
    // PGlite serves one Postgres session on a unix socket: the product gets one connection through the proxy.
    const socketDir = (db.sequelize.config as { host?: string }).host!;
    proxy = await startTcpProxy({ path: `${socketDir}/.s.PGSQL.5432` });
    product = await openDatabase({ databaseUrl: `postgres://postgres:postgres@127.0.0.1:${proxy.port}/postgres`, dataDir: '', poolMax: 1 });
  }
  portal = await startPortal(product.sequelize);
  session = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON })).session;
}, 120_000);

afterAll(async () => {
  await portal?.close();
  await product?.close();
  await proxy?.close();
});

type Phase = 'before' | 'cutting' | 'outage' | 'restoring' | 'after';
interface Outcome {
  kind: 'read' | 'write' | 'ready';
  /** When the request was sent, and when its answer came. */
  phase: Phase;
  ended?: Phase;
  status: number | 'hung' | 'network_error';
  contentType: string;
  code: string | null;
  retryAfter?: string | null;
  seq?: number;
  phone?: string;
}

/** A request bounded in time: a hang becomes the outcome 'hung' instead of stalling the test. */
async function send(kind: Outcome['kind'], phase: () => Phase, path: string, init: { method?: string; body?: unknown } = {}, seq?: number): Promise<Outcome> {
  const started = phase();
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = {
    origin: portal.origin,
    'x-gp-request': '1',
    ...(await sessionHeaders(session, method, new URL(path, portal.origin))),
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(new URL(path, portal.origin), {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(25_000),
    });
    const text = await response.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return {
      kind,
      phase: started,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      code: json?.code ?? null,
      retryAfter: response.headers.get('retry-after'),
      seq,
      phone: json?.profile?.phone,
      ended: phase(),
    };
  } catch (error) {
    const hung = (error as Error).name === 'TimeoutError';
    return { kind, phase: started, ended: phase(), status: hung ? 'hung' : 'network_error', contentType: '', code: null, seq };
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await pause(50);
  }
}

describe('the database restarts under load', () => {
  it('answers 503 database_unavailable while it is away, recovers by itself, and writes nothing partial', async () => {
    const [customer] = await db.sequelize.query<{ id: number }>(`select id from customers where customer_number = :n`, {
      replacements: { n: PERSON.customerNumber },
      type: QueryTypes.SELECT,
    });
    expect(customer).toBeDefined();
    const auditCount = async () =>
      Number(
        (
          await db.sequelize.query<{ n: string }>(`select count(*) as n from audit_events where customer_id = :id and action = 'profile.changed'`, {
            replacements: { id: customer!.id },
            type: QueryTypes.SELECT,
          })
        )[0]!.n,
      );
    const auditBefore = await auditCount();

    let phase: Phase = 'before';
    const current = () => phase;
    const outcomes: Outcome[] = [];
    let stop = false;
    const count = (kind: Outcome['kind'], p: Phase, status?: number) =>
      outcomes.filter((o) => o.kind === kind && o.phase === p && (status === undefined || o.status === status)).length;

    const reader = (async () => {
      while (!stop) {
        outcomes.push(await send('read', current, '/api/policies'));
        await pause(25);
      }
    })();
    let seq = 0;
    const writer = (async () => {
      // Well under the per-session write limit (60 a minute) over the test's length.
      while (!stop) {
        seq += 1;
        const body = {
          phone: `+36 30 ${1_000_000 + seq}`,
          correspondenceAddress: { postcode: '1111', city: 'Budapest', addressLine: `Próba utca ${seq}.` },
        };
        outcomes.push(await send('write', current, '/api/me', { method: 'PATCH', body }, seq));
        await pause(400);
      }
    })();
    const readiness = (async () => {
      while (!stop) {
        outcomes.push(await send('ready', current, '/readyz'));
        await pause(200);
      }
    })();

    try {
      await until(() => count('read', 'before', 200) >= 3 && count('write', 'before', 200) >= 2, 'the load to run');

      phase = 'cutting';
      await proxy.cut();
      phase = 'outage';
      await until(() => count('read', 'outage') >= 3 && count('write', 'outage') >= 2 && count('ready', 'outage') >= 2, 'answers during the outage');
      await pause(1500);

      phase = 'restoring';
      proxy.restore();
      phase = 'after';
      await until(() => count('read', 'after', 200) >= 3 && count('write', 'after', 200) >= 2 && count('ready', 'after', 200) >= 1, 'recovery');
    } finally {
      stop = true;
      await Promise.all([reader, writer, readiness]);
    }

    // No hangs, no 500s, no lost session: every answer is a success or the retryable 503.
    const unexpected = outcomes.filter((o) => o.status !== 200 && o.status !== 503);
    expect(unexpected).toEqual([]);
    for (const o of outcomes.filter((x) => x.status === 503)) {
      expect(o.contentType).toMatch(/^application\/problem\+json/);
      expect(o.code).toBe('database_unavailable');
      if (o.kind !== 'ready') expect(Number(o.retryAfter)).toBeGreaterThan(0);
    }
    // While the database is away (requests sent after the cut and answered before the restore): 503, for reads, writes and readiness.
    const during = outcomes.filter((o) => o.phase === 'outage' && o.ended === 'outage');
    expect(during.length).toBeGreaterThanOrEqual(7);
    expect(during.filter((o) => o.status !== 503)).toEqual([]);
    // Answered before the cut, or sent after the restore: everything succeeds (the product was never restarted).
    expect(outcomes.filter((o) => ((o.phase === 'before' && o.ended === 'before') || o.phase === 'after') && o.status !== 200)).toEqual([]);
    expect(proxy.forwarded).toBeGreaterThan(1); // the product reconnected through the restored proxy

    // No partial writes: exactly one audit event per successful change, none for a refused one,
    // and the row holds the last successful change, phone and address together.
    const writes = outcomes.filter((o) => o.kind === 'write');
    const succeeded = writes.filter((o) => o.status === 200);
    expect(writes.some((o) => o.status === 503)).toBe(true);
    expect((await auditCount()) - auditBefore).toBe(succeeded.length);
    const last = succeeded.reduce((a, b) => (b.seq! > a.seq! ? b : a));
    const [row] = await db.sequelize.query<{ phone: string; correspondence_address: { addressLine: string; postcode: string; city: string } }>(
      'select phone, correspondence_address from customers where id = :id',
      { replacements: { id: customer!.id }, type: QueryTypes.SELECT },
    );
    expect(row!.phone).toBe(last.phone);
    expect(row!.correspondence_address).toMatchObject({ postcode: '1111', city: 'Budapest', addressLine: `Próba utca ${last.seq}.` });
    const lastWrite = writes.reduce((a, b) => (b.seq! > a.seq! ? b : a));
    expect(lastWrite.status).toBe(200);
  }, 180_000);
});
