// API throughput: a logged-in customer's `GET /api/policies` and `GET /api/documents`, as a
// partner page's widget sends them (Origin, X-GP-Request, `Authorization: DPoP <handle>` and a
// DPoP proof signed by the session's key), at 50 concurrent connections from a second process;
// and the ceiling, the same SQL behind a bare pg pool, loaded the same way in the same run (runs
// interleaved, so both see the same machine). Each load gets a fresh proof made just before it:
// a read's proof may be replayed within its freshness window (60 s; a load lasts at most 10 s), and
// the API checks every request's proof in full (signature included), so the load pays the check.
// The check's own cost per request is measured in-process too (`proofCheckCost`).
import { QueryTypes } from 'sequelize';
import { sessionHeaders, type BrowserSession } from '../test/server/api/session/harness.ts';
import { sha256Hex } from '../server/domain/session/secrets.ts';
import { proofCheckCost } from './proof-cost.ts';
import type { BenchProduct } from './product-process.ts';
import { startCeilingProcess } from './ceiling-server.ts';
import { budget, loadFromChild, log, measurement, median, runsNote, type BenchRecord, type LoadResult } from './lib.ts';

export interface ApiBenchOptions {
  /** `npm start` in a process of its own (bench/product-process.ts). */
  product: BenchProduct;
  databaseUrl: string;
  /** The partner page's origin and client the customer logged in through. */
  origin: string;
  clientId: string;
  session: BrowserSession;
  runs: number;
  seconds: number;
  warmupSeconds: number;
  /**
   * Load on each endpoint of the product before anything is measured: a fresh process needs
   * some 20 s of load before it runs steadily (JIT tiers, pool connections, plans per connection);
   * until then its p99 is up to ~15 ms higher.
   */
  productWarmupSeconds: number;
  connections: number;
}

const ENDPOINTS = ['policies', 'documents'] as const;
/** Loaded in turn in every run, so all three see the same machine. */
const TARGETS = ['api', 'ceiling', 'withoutSession'] as const;
type Target = (typeof TARGETS)[number];

export async function benchApi(options: ApiBenchOptions): Promise<BenchRecord[]> {
  const { product } = options;
  const scope = await scopeOf(options);
  const ceiling = await startCeilingProcess(options.databaseUrl, sha256Hex(options.session.handle));
  /** The widget's headers for one endpoint, with a proof made now. */
  const headersFor = async (url: string) => ({ origin: options.origin, 'x-gp-request': '1', ...(await sessionHeaders(options.session, 'GET', url)) });
  const records: BenchRecord[] = [];
  try {
    records.push(...(await proofCheckCost()));
    // What the requests return (a 200 with rows, the same number of rows as the ceiling's).
    for (const endpoint of ENDPOINTS) {
      const api = await fetch(`${product.origin}/api/${endpoint}`, { headers: await headersFor(`${product.origin}/api/${endpoint}`) });
      const apiBody = (await api.json()) as { items?: unknown[]; total?: number };
      const bare = (await (await fetch(`${ceiling.origin}/${endpoint}`)).json()) as { items: unknown[]; total: number };
      if (api.status !== 200) throw new Error(`GET /api/${endpoint} answered ${api.status}: ${JSON.stringify(apiBody)}`);
      if (apiBody.items?.length !== bare.items.length || apiBody.total !== bare.total) {
        throw new Error(
          `the ceiling does not answer what the API answers for ${endpoint} (${apiBody.items?.length}/${apiBody.total} vs ${bare.items.length}/${bare.total})`,
        );
      }
      records.push(
        measurement(
          `api ${endpoint}: rows per response`,
          bare.items.length,
          'rows',
          `total ${bare.total}, customer ${scope.customerId}, broker scope ${scope.brokerId ?? 'none'}`,
        ),
      );
    }

    log(`warming the product up: ${options.productWarmupSeconds} s on each endpoint …`);
    for (const endpoint of ENDPOINTS) {
      const url = `${product.origin}/api/${endpoint}`;
      await loadFromChild(url, { connections: options.connections, seconds: options.productWarmupSeconds, headers: await headersFor(url) });
    }

    const results: Record<string, Record<Target, LoadResult[]>> = {};
    for (const endpoint of ENDPOINTS) {
      const targets: Record<Target, string> = {
        api: `${product.origin}/api/${endpoint}`,
        ceiling: `${ceiling.origin}/${endpoint}`,
        withoutSession: `${ceiling.origin}/without-session/${endpoint}`,
      };
      const load = async (target: Target, seconds: number) =>
        loadFromChild(targets[target], { connections: options.connections, seconds, headers: target === 'api' ? await headersFor(targets.api) : undefined });
      // Warm-up (JIT, pools, caches), not counted.
      for (const target of TARGETS) await load(target, options.warmupSeconds);
      const runs: Record<Target, LoadResult[]> = (results[endpoint] = { api: [], ceiling: [], withoutSession: [] });
      for (let run = 1; run <= options.runs; run++) {
        for (const target of TARGETS) runs[target].push(await load(target, options.seconds));
        const [api, bare, lean] = TARGETS.map((target) => runs[target].at(-1)!);
        log(
          `${endpoint} run ${run}: API ${Math.round(api!.rps)} rps p99 ${api!.p99} ms (${api!.errors} errors), ceiling ${Math.round(bare!.rps)} rps p99 ${bare!.p99} ms, ` +
            `ceiling without the session lookup ${Math.round(lean!.rps)} rps`,
        );
      }
    }

    for (const endpoint of ENDPOINTS) {
      const { api, ceiling: bare, withoutSession: lean } = results[endpoint]!;
      const rps = api.map((r) => r.rps);
      const ceilingRps = bare.map((r) => r.rps);
      const p50 = api.map((r) => r.p50);
      const p99 = api.map((r) => r.p99);
      const errors = api.reduce((sum, r) => sum + r.errors, 0);
      const requests = api.reduce((sum, r) => sum + r.requests, 0);
      const share = rps.map((value, i) => (100 * value) / bare[i]!.rps);
      const leanShare = rps.map((value, i) => (100 * value) / lean[i]!.rps);
      const label = `GET /api/${endpoint}`;
      records.push(measurement(`${label}: requests/s`, median(rps), 'req/s', runsNote(rps)));
      records.push(measurement(`${label}: p50 latency`, median(p50), 'ms', runsNote(p50, ' ms')));
      records.push(measurement(`ceiling (bare pg) ${endpoint}: requests/s`, median(ceilingRps), 'req/s', runsNote(ceilingRps)));
      records.push(
        measurement(
          `ceiling (bare pg) ${endpoint}: p99 latency`,
          median(bare.map((r) => r.p99)),
          'ms',
          runsNote(
            bare.map((r) => r.p99),
            ' ms',
          ),
        ),
      );
      records.push(
        budget(`${label}: requests/s vs ceiling`, median(share), '% of ceiling', 'atLeast', 50, `per run: ${share.map((s) => s.toFixed(1)).join(', ')} %`),
      );
      records.push(
        measurement(
          `${label}: requests/s vs ceiling without the session lookup`,
          median(leanShare),
          '% of ceiling',
          `no budget: the ceiling skipping the session lookup the API does for every request (${median(lean.map((r) => r.rps)).toFixed(0)} req/s); per run: ${leanShare.map((s) => s.toFixed(1)).join(', ')} %`,
        ),
      );
      records.push(budget(`${label}: p99 latency`, median(p99), 'ms', 'atMost', 50, runsNote(p99, ' ms')));
      records.push(
        budget(`${label}: errors`, errors, 'errors', 'atMost', 0, `non-2xx + socket errors + timeouts over all ${options.runs} runs (${requests} requests)`),
      );
    }
  } finally {
    await ceiling.close();
  }
  return records;
}

/** The customer of the session and the partner's broker scope, as the API resolves them. */
async function scopeOf(options: ApiBenchOptions): Promise<{ customerId: number; brokerId: number | null }> {
  const [row] = await options.product.sequelize.query<{ customer_id: number; policy_scope: string; broker_id: number | null }>(
    `select s.customer_id, pc.policy_scope, pc.broker_id
       from bff_sessions s join partner_clients pc on pc.client_id = s.client_id
      where s.id_hash = :idHash`,
    { replacements: { idHash: sha256Hex(options.session.handle) }, type: QueryTypes.SELECT },
  );
  if (!row) throw new Error('no session row for the logged-in customer');
  return { customerId: Number(row.customer_id), brokerId: row.policy_scope === 'broker' ? Number(row.broker_id) : null };
}
