// The IdP: refresh-token grants per second at /oidc/token (confidential partner client, tokens
// from real logins through the IdP's pages), and the cost of one password check (scrypt).
import { fileURLToPath } from 'node:url';
import { hashPassword, verifyPassword } from '../common/accounts/password.ts';
import { openSession, openTokens, partnerSecret, sessionRows } from '../test/server/api/session/harness.ts';
import type { BenchProduct } from './product-process.ts';
import { sha256Hex } from '../server/domain/session/secrets.ts';
import { log, measurement, median, runChildForJson, runsNote, type BenchRecord } from './lib.ts';
import type { RefreshJob, RefreshRun } from './refresh-load.ts';

export interface IdpBenchOptions {
  product: BenchProduct;
  origin: string;
  clientId: string;
  /** Side-by-side refresh chains (one login each). */
  chains: number;
  runs: number;
  seconds: number;
  passwordChecks: number;
}

export async function benchIdp(options: IdpBenchOptions): Promise<BenchRecord[]> {
  const { product } = options;
  const records: BenchRecord[] = [];

  // One refresh token per chain, each from its own login through the IdP's pages (the BFF keeps
  // it; we read it back with the product's session key and leave those sessions alone from then on).
  const tokens: string[] = [];
  for (let i = 0; i < options.chains; i++) {
    const { session } = await openSession(product, { origin: options.origin, clientId: options.clientId });
    const row = (await sessionRows(product)).find((r) => r.id_hash === sha256Hex(session.handle));
    if (!row) throw new Error('the login left no session row');
    tokens.push(openTokens(row, product.sessionKey).refreshToken);
  }
  const discovery = (await (await fetch(`${product.issuer}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
  const job: RefreshJob = {
    tokenEndpoint: discovery.token_endpoint,
    clientId: options.clientId,
    clientSecret: await partnerSecret(product, options.clientId, product.partnerSecrets),
    tokens,
    runs: options.runs,
    seconds: options.seconds,
  };
  const runs = await runChild(job);
  const rates = runs.map((r) => r.grants / r.seconds);
  const p50 = runs.map((r) => r.p50);
  const errors = runs.reduce((sum, r) => sum + r.errors, 0);
  for (const [i, r] of runs.entries())
    log(`refresh run ${i + 1}: ${r.grants} grants in ${r.seconds.toFixed(1)} s, p50 ${r.p50.toFixed(1)} ms, ${r.errors} errors`);
  records.push(measurement(`IdP refresh-token grants/s (${options.chains} chains)`, median(rates), 'grants/s', runsNote(rates)));
  records.push(measurement('IdP refresh-token grant: p50 latency', median(p50), 'ms', runsNote(p50, ' ms')));
  records.push(measurement('IdP refresh-token grant: errors', errors, 'errors', `over all ${options.runs} runs`));

  // One password check: verifying a stored scrypt hash (the work of every login), sequentially.
  const stored = await hashPassword('Bench-jelszo-2026');
  const costs: number[] = [];
  for (let i = 0; i < options.passwordChecks; i++) {
    const t0 = performance.now();
    const ok = await verifyPassword('Bench-jelszo-2026', stored);
    costs.push(performance.now() - t0);
    if (!ok) throw new Error('the password did not verify');
  }
  records.push(measurement('IdP password check (scrypt verify)', median(costs), 'ms', `median of ${costs.length} verifies`));
  return records;
}

/** The grants come from a process of their own (bench/refresh-load.ts), which reads its job on stdin. */
function runChild(job: RefreshJob): Promise<RefreshRun[]> {
  const script = fileURLToPath(new URL('./refresh-load.ts', import.meta.url));
  return runChildForJson<RefreshRun[]>('refresh-load', ['--import', 'tsx', script], {
    input: JSON.stringify(job),
    onStderrLine: (line) => log(`refresh-load: ${line}`),
  });
}
