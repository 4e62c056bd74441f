import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { closeServerNow } from '../../support/close-server.ts';

/** One request as the front saw it: no query, no header values, nothing personal. */
export interface FrontRecord {
  method: string;
  host: string;
  path: string;
  status: number;
  /** The browser sent a Cookie header. */
  cookieSent: boolean;
  /** Names of the cookies the answer set (Set-Cookie). */
  cookiesSet: string[];
}

export interface TlsFront {
  port: number;
  /** Every request so far, oldest first. */
  records: FrontRecord[];
  close(): Promise<void>;
}

/**
 * A TLS-terminating reverse proxy, as a deployment puts before the product: https on one
 * loopback port for every name of `routes` (one certificate holds them all), plain HTTP to the
 * backend port of the request's host. It appends the peer to `X-Forwarded-For` and says
 * `X-Forwarded-Proto: https` and `X-Forwarded-Host`, which the product honours only with
 * `TRUST_PROXY`. It keeps a short record of each request, to say what the browser did.
 */
export async function startTlsFront(options: { cert: string; key: string; routes: Record<string, number> }): Promise<TlsFront> {
  const records: FrontRecord[] = [];
  const server: Server = createServer({ cert: options.cert, key: options.key }, (incoming, outgoing) => {
    const host = incoming.headers.host ?? '';
    const hostname = host.replace(/:\d+$/, '').toLowerCase();
    const backend = options.routes[hostname];
    if (!backend) {
      outgoing.writeHead(421, { 'content-type': 'text/plain' }).end(`no site ${hostname} here`);
      return;
    }
    const forwardedFor = [incoming.headers['x-forwarded-for'], incoming.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: backend,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'https', 'x-forwarded-host': host },
      },
      (answer) => {
        const setCookie = answer.headers['set-cookie'] ?? [];
        records.push({
          method: incoming.method ?? '',
          host: hostname,
          path: (incoming.url ?? '').split('?')[0]!,
          status: answer.statusCode ?? 0,
          cookieSent: Boolean(incoming.headers.cookie),
          cookiesSet: setCookie.map((line) => line.slice(0, line.indexOf('='))),
        });
        outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end('backend unreachable');
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    records,
    close: () => closeServerNow(server),
  };
}
