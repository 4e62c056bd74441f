import { createServer as createNetServer, connect, type Server as NetServer, type Socket, type AddressInfo } from 'node:net';
import { createServer as createHttpServer, request as httpRequest, type Server as HttpServer } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../../server/app/create-app.ts';
import { createPaymentModule, type PaymentModule } from '../../../server/api/payments/payment-module.ts';
import { createLogger } from '../../../common/http/logger.ts';
import { createProvider } from '../../../idp/provider.ts';
import { generateIdpKeys, type IdpKeys } from '../../../idp/keys.ts';
import { BROKER_ORIGIN, SESSION_KEY, type LogLine, type RunningPortal } from '../api/session/harness.ts';
import { openDatabase, type Database } from '../../../server/db/database.ts';
import { seedDemoData } from '../../../server/seed/index.ts';
import type { TestDatabase } from '../../support/database.ts';
import { closeServerNow } from '../../support/close-server.ts';
import { testPartnerSecrets } from '../../support/partner-secrets.ts';

/**
 * Fault-injection pieces for the resilience tests: a TCP proxy between the product and its
 * database (or mail server) that can be cut and restored, product instances sharing one database and one set of
 * keys (as the processes of one deployment do), and an HTTP load balancer in front of them.
 */

export type ProxyTarget = { host: string; port: number } | { path: string };

/** A TCP proxy that can be cut and restored: between the product and PostgreSQL, or its SMTP server. */
export interface TcpProxy {
  port: number;
  /** Connections accepted and forwarded so far. */
  readonly forwarded: number;
  /**
   * Cuts the server off as a restart does: from now on nothing more the product sends reaches
   * the server, replies already on their way are delivered (PostgreSQL's fast shutdown still
   * acknowledges a COMMIT it has received; an SMTP server its 250 for a message it took), then
   * every connection is destroyed and new ones are dropped at once until `restore()`.
   */
  cut(drainMs?: number): Promise<void>;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: ProxyTarget): Promise<TcpProxy> {
  let up = true;
  let forwarded = 0;
  const pairs = new Set<{ client: Socket; server: Socket; holdUpstream: () => void }>();
  const server: NetServer = createNetServer((client) => {
    client.on('error', () => {});
    if (!up) {
      client.destroy();
      return;
    }
    forwarded += 1;
    const upstream = 'path' in target ? connect(target.path) : connect(target.port, target.host);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    let holding = false;
    client.on('data', (chunk) => {
      if (!holding) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    const pair = { client, server: upstream, holdUpstream: () => (holding = true) };
    pairs.add(pair);
    client.on('close', () => pairs.delete(pair));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    get forwarded() {
      return forwarded;
    },
    async cut(drainMs = 750) {
      up = false;
      for (const pair of pairs) pair.holdUpstream();
      await new Promise((resolve) => setTimeout(resolve, drainMs));
      for (const pair of pairs) {
        pair.client.destroy();
        pair.server.destroy();
      }
      pairs.clear();
    },
    restore() {
      up = true;
    },
    async close() {
      up = false;
      for (const pair of pairs) {
        pair.client.destroy();
        pair.server.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Instance {
  name: string;
  origin: string;
  logs: LogLine[];
  payments: PaymentModule;
  close(): Promise<void>;
}

/**
 * One process of the product: the whole app on its own loopback port, configured with the
 * deployment's PUBLIC_URL (the load balancer's), the deployment's IdP keys and its SESSION_KEYS,
 * shared by every instance as in production.
 */
export async function startInstance(options: { name: string; sequelize: Sequelize; publicUrl: URL; keys: IdpKeys; sessionKeys: string }): Promise<Instance> {
  const provider = createProvider({
    issuer: `${options.publicUrl.origin}/oidc`,
    sequelize: options.sequelize,
    keys: options.keys,
    partnerSecrets: testPartnerSecrets,
    production: false,
  });
  const logs: LogLine[] = [];
  const logger = createLogger('debug', (line) => logs.push(JSON.parse(line) as LogLine));
  const payments = createPaymentModule({ sequelize: options.sequelize, publicUrl: options.publicUrl, logger, production: false });
  const app = createApp({
    payments,
    config: {
      publicUrl: options.publicUrl,
      production: false,
      secrets: { oidcJwks: null, oidcCookieKeys: null, paymentWebhookSecret: null, sessionKeys: options.sessionKeys },
    },
    sequelize: options.sequelize,
    provider,
    partnerSecrets: testPartnerSecrets,
    logger,
  });
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    payments,
    name: options.name,
    origin: `http://127.0.0.1:${port}`,
    logs,
    close: () => closeServerNow(server),
  };
}

export interface LoadBalancer {
  origin: string;
  /** Which instance gets the next request: a fixed one, or each in turn. */
  route: string | 'round-robin';
  /** How many requests each instance served. */
  served: Map<string, number>;
  close(): Promise<void>;
}

/** An HTTP load balancer (per request, not per connection) that keeps the public Host header. */
export async function startLoadBalancer(instances: () => Instance[]): Promise<LoadBalancer> {
  let turn = 0;
  const served = new Map<string, number>();
  const balancer: LoadBalancer = { origin: '', route: 'round-robin', served, close: async () => {} };
  const server: HttpServer = createHttpServer((incoming, outgoing) => {
    const all = instances();
    const instance = balancer.route === 'round-robin' ? all[turn++ % all.length]! : all.find((i) => i.name === balancer.route)!;
    served.set(instance.name, (served.get(instance.name) ?? 0) + 1);
    const target = new URL(instance.origin);
    const forward = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, { ...response.headers, 'x-served-by': instance.name });
        response.pipe(outgoing);
      },
    );
    forward.on('error', () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  balancer.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  balancer.close = () => closeServerNow(server);
  return balancer;
}

/** The tests' view of a deployment behind the load balancer at `publicUrl` (no server of its own to close). */
export function portalBehind(publicUrl: URL, keys: IdpKeys, sequelize: Sequelize, payments: PaymentModule): RunningPortal {
  return {
    publicUrl,
    origin: publicUrl.origin,
    issuer: `${publicUrl.origin}/oidc`,
    callbackUrl: `${publicUrl.origin}/api/session/callback`,
    keys,
    logs: [],
    seen: [],
    secrets: new Set(),
    sequelize,
    payments,
    close: async () => {},
  };
}

/** Two instances of the product behind a load balancer, on one seeded database: see `useTwoInstances()`. */
export interface TwoInstances {
  lb: LoadBalancer;
  /** A and B. */
  instances: Instance[];
  /** The deployment as the tests address it: the load balancer's origin. */
  portal: RunningPortal;
  /** The deployment's IdP keys (another instance started in a test needs them). */
  keys: IdpKeys;
  /** Instance B's connection (its own pool on PostgreSQL; the same one on PGlite, which has one connection). */
  secondSequelize: Sequelize;
  /** How many requests an instance has served. */
  served(name: string): number;
}

/**
 * A deployment of two processes on ONE database, as production runs them behind a load
 * balancer: the same PUBLIC_URL, SESSION_KEYS and IdP keys, nothing else in common; on real
 * PostgreSQL each instance has its own connection pool, as a second process would. Seeds
 * `customers` demo customers. Call at a test file's top level; read the fields inside tests.
 */
export function useTwoInstances(db: TestDatabase, options: { customers: number }): TwoInstances {
  let second: Database | null = null;
  const deployment = { instances: [] as Instance[], served: (name: string) => deployment.lb.served.get(name) ?? 0 } as TwoInstances;
  beforeAll(async () => {
    deployment.keys = await generateIdpKeys();
    second = db.url ? await openDatabase({ databaseUrl: db.url, dataDir: '', poolMax: 5 }) : null;
    deployment.secondSequelize = second?.sequelize ?? db.sequelize;
    deployment.lb = await startLoadBalancer(() => deployment.instances);
    const publicUrl = new URL(deployment.lb.origin);
    await seedDemoData(db.sequelize, testPartnerSecrets, {
      customers: options.customers,
      claims: 0,
      mailboxShare: 0,
      portalOrigin: publicUrl.origin,
      brokerDemoOrigin: BROKER_ORIGIN,
    });
    const { keys } = deployment;
    deployment.instances = [
      await startInstance({ name: 'A', sequelize: db.sequelize, publicUrl, keys, sessionKeys: SESSION_KEY }),
      await startInstance({ name: 'B', sequelize: deployment.secondSequelize, publicUrl, keys, sessionKeys: SESSION_KEY }),
    ];
    deployment.portal = portalBehind(publicUrl, keys, db.sequelize, deployment.instances[0]!.payments);
  }, 120_000);
  afterAll(async () => {
    for (const instance of deployment.instances) await instance.close();
    await deployment.lb?.close();
    await second?.close();
  });
  return deployment;
}
