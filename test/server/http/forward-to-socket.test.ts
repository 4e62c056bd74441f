import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardToSocket } from '../../../server/http/forward-to-socket.ts';
import type { TrustProxy } from '../../../common/http/trust-proxy.ts';
import { closeServerNow } from '../../support/close-server.ts';

// A server behind the forwarder on a unix socket (as the IdP thread's is) that answers what it
// received; a front on loopback with the forwarder, as the app's /oidc route is.
let folder: string;
let behind: Server;
const received: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gp-fwd-'));
  behind = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; Path=/']);
      res.setHeader('Connection', 'keep-alive');
      res.writeHead(req.url === '/redirect' ? 303 : 200, { Location: '/elsewhere', 'Content-Type': 'text/plain' });
      res.end(`answered ${req.method} ${req.url}`);
    });
  });
  await new Promise<void>((resolve) => behind.listen(join(folder, 'behind.sock'), resolve));
});
afterAll(async () => {
  await closeServerNow(behind);
  await rm(folder, { recursive: true, force: true });
});

async function front(trustProxy: TrustProxy | null, socketPath = join(folder, 'behind.sock'), options: { hsts?: boolean } = {}) {
  const forward = forwardToSocket(socketPath, {
    trustProxy,
    unavailable: (res) => {
      res.writeHead(503, { 'Content-Type': 'application/problem+json' });
      res.end('{"code":"idp_unavailable"}');
    },
  });
  const server = createServer((req, res) => {
    // As the app's security headers do on https: a header set on the response before the forwarder answers.
    if (options.hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    return forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: async () => {
      forward.close();
      await closeServerNow(server);
    },
  };
}

describe('forwardToSocket', () => {
  it('passes the request on unchanged (method, path and query, headers, body) and the answer back (status, every Set-Cookie)', async () => {
    const f = await front(null);
    try {
      const response = await fetch(`${f.url}/oidc/token?x=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic abc', cookie: 'c=3' },
        body: 'grant_type=refresh_token&refresh_token=r',
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('answered POST /oidc/token?x=1');
      expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
      const last = received.at(-1)!;
      expect(last).toMatchObject({ method: 'POST', url: '/oidc/token?x=1', body: 'grant_type=refresh_token&refresh_token=r' });
      expect(last.headers).toMatchObject({ authorization: 'Basic abc', cookie: 'c=3', 'content-type': 'application/x-www-form-urlencoded' });
      expect(last.headers.host).toBe(new URL(f.url).host);

      const redirect = await fetch(`${f.url}/redirect`, { redirect: 'manual' });
      expect(redirect.status).toBe(303);
      expect(redirect.headers.get('location')).toBe('/elsewhere');
    } finally {
      await f.close();
    }
  });

  it('keeps every Set-Cookie when the response already has a header of its own (HSTS on https)', async () => {
    const f = await front(null, join(folder, 'behind.sock'), { hsts: true });
    try {
      const response = await fetch(`${f.url}/oidc/auth`);
      expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(response.headers.get('connection')).not.toBe('close');
    } finally {
      await f.close();
    }
  });

  it("states the client's address and protocol itself: what an untrusted client sends in X-Forwarded-* never gets through", async () => {
    const f = await front(null);
    try {
      await fetch(`${f.url}/oidc/auth`, {
        headers: { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example', forwarded: 'for=203.0.113.9' },
      });
      const { headers } = received.at(-1)!;
      expect(headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(headers['x-forwarded-proto']).toBe('http');
      expect(headers['x-forwarded-host']).toBeUndefined();
      expect(headers.forwarded).toBeUndefined();
    } finally {
      await f.close();
    }
  });

  it('behind a trusted proxy (TRUST_PROXY), passes on the client it names, its protocol and its host', async () => {
    const f = await front({ hops: 1 });
    try {
      await fetch(`${f.url}/oidc/auth`, {
        headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.9', 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'portal.example' },
      });
      const { headers } = received.at(-1)!;
      // One hop trusted (the loopback peer): its nearest entry is the client.
      expect(headers['x-forwarded-for']).toBe('203.0.113.9');
      expect(headers['x-forwarded-proto']).toBe('https');
      expect(headers['x-forwarded-host']).toBe('portal.example');
    } finally {
      await f.close();
    }
  });

  it('answers with `unavailable` when nothing listens behind', async () => {
    const f = await front(null, join(folder, 'nobody.sock'));
    try {
      const response = await fetch(`${f.url}/oidc/.well-known/openid-configuration`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ code: 'idp_unavailable' });
    } finally {
      await f.close();
    }
  });
});
