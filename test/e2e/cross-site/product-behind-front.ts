import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { get } from 'node:https';
import { fileURLToPath } from 'node:url';
import { prepareProduct } from '../support/product.ts';
import type { MailSink } from '../../../server/notifications/dev-mail-sink.ts';
import { makeTestPki, type TestPki } from './certificates.ts';
import { BROKER_HOST, PORTAL_HOST, TEST_HOSTS } from './sites.ts';
import { startTlsFront, type TlsFront } from './tls-front.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const resolveTestNames = fileURLToPath(new URL('./resolve-test-names.mjs', import.meta.url));

export interface ProductBehindFront {
  /** https://portal.insurer.test:PORT — the insurer (IdP, API, SDK). */
  portalUrl: string;
  /** https://www.broker.test:PORT — the broker partner's page embedding the widgets. */
  brokerUrl: string;
  pki: TestPki;
  front: TlsFront;
  mail: MailSink;
  close(): Promise<void>;
}

/**
 * The product as a deployment runs it behind a TLS-terminating proxy, on two https sites:
 * `npm start`'s own entry (server/main.ts) in its own Node process, on a throw-away database,
 * with `PUBLIC_URL` and `BROKER_DEMO_URL` the https names and `TRUST_PROXY=loopback` (the CIDR
 * form: the front connects from 127.0.0.1). The demo seed registers the broker page's https
 * origin as the partner client `biztos-pont`. The product's process trusts the test CA
 * (`NODE_EXTRA_CA_CERTS`) and resolves `*.test` to loopback: it fetches its own issuer.
 */
export async function startProductBehindFront(): Promise<ProductBehindFront> {
  const pki = await makeTestPki(TEST_HOSTS);
  const routes: Record<string, number> = {};
  const front = await startTlsFront({ cert: pki.cert, key: pki.key, routes });
  const portalUrl = `https://${PORTAL_HOST}:${front.port}`;
  const brokerUrl = `https://${BROKER_HOST}:${front.port}`;
  const setup = await prepareProduct(({ port, brokerPort }) => {
    routes[PORTAL_HOST] = port;
    routes[BROKER_HOST] = brokerPort;
    return { PUBLIC_URL: portalUrl, BROKER_DEMO_URL: brokerUrl, TRUST_PROXY: 'loopback' };
  });
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', resolveTestNames, 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...setup.env, NODE_EXTRA_CA_CERTS: pki.caFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // If the test process ends without close() (a timed-out hook), the product must not outlive it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = async () => {
    await stopChild(child);
    process.off('exit', orphanGuard);
    await front.close();
    await setup.dispose();
    await pki.dispose();
  };
  try {
    await waitUntilReady(child, [`http://127.0.0.1:${routes[PORTAL_HOST]}/readyz`, `http://127.0.0.1:${routes[BROKER_HOST]}/`], () => stderr);
    // Through the front, as a browser will: discovery must advertise the https issuer's endpoints.
    const advertised = JSON.parse(await getThroughFront(front.port, pki, `${portalUrl}/oidc/.well-known/openid-configuration`))
      .authorization_endpoint as string;
    if (!advertised.startsWith(`${portalUrl}/oidc/`)) throw new Error(`the IdP advertises ${advertised} behind the front (expected ${portalUrl}/oidc/…)`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { portalUrl, brokerUrl, pki, front, mail: setup.mail, close: stop };
}

async function waitUntilReady(child: ChildProcess, urls: string[], stderr: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (const url of urls) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the product stopped (exit ${child.exitCode}):\n${stderr()}`);
      const ok = await fetch(url).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`the product was not ready at ${url} within 90 s:\n${stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** GET over https through the front, trusting only the test CA, with the name resolved to loopback. */
async function getThroughFront(port: number, pki: TestPki, url: string): Promise<string> {
  const ca = await readFile(pki.caFile, 'utf8');
  const { hostname, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = get(
      { host: '127.0.0.1', port, servername: hostname, path: pathname + search, headers: { host: `${hostname}:${port}` }, ca },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(body) : reject(new Error(`GET ${url}: ${response.statusCode}`))));
      },
    );
    request.on('error', reject);
  });
}
