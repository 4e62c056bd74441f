import { Agent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { clientAddressOf, peerIsTrustedProxy, type TrustProxy } from '../../common/http/trust-proxy.ts';
import type { NodeHandler } from './node-route.ts';

/** Headers of one connection (RFC 9110 §7.6.1), and the forwarded ones, which the forwarder writes itself. */
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'forwarded',
]);

/**
 * Passes requests on, unchanged, to an HTTP server on a unix socket that only this process can
 * reach (the IdP thread: server/app/idp-thread/), and its answers back. `TRUST_PROXY` is applied
 * here, once: the server behind gets the client's address and protocol (and a trusted proxy's
 * `X-Forwarded-Host`) as the only forwarded headers, whatever the client sent.
 */
export function forwardToSocket(
  socketPath: string,
  options: { trustProxy: TrustProxy | null; unavailable: (res: Parameters<NodeHandler>[1]) => void },
): NodeHandler & { close(): void } {
  const agent = new Agent({ keepAlive: true });
  const forward: NodeHandler = (req, res) => {
    const headers: OutgoingHttpHeaders = withoutNotForwarded(req.headers);
    const trusted = peerIsTrustedProxy(req, options.trustProxy);
    headers['x-forwarded-for'] = clientAddressOf(req, options.trustProxy);
    headers['x-forwarded-proto'] = (trusted && firstOf(req.headers['x-forwarded-proto'])) || ((req.socket as TLSSocket).encrypted ? 'https' : 'http');
    const forwardedHost = trusted && firstOf(req.headers['x-forwarded-host']);
    if (forwardedHost) headers['x-forwarded-host'] = forwardedHost;

    const upstream = httpRequest({ socketPath, agent, method: req.method, path: req.url, headers }, (answer) => {
      // An object, its Set-Cookie an array: when the response already has a header of its own
      // (HSTS, set on it by the app's first middleware), writeHead sets the given ones one by
      // one, and of a flat [name, value, …] list only the last Set-Cookie would survive.
      res.writeHead(answer.statusCode ?? 502, withoutNotForwarded(answer.headers));
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) options.unavailable(res);
      else res.destroy();
    });
    // The client went away before the answer was complete: so does the request behind.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };
  return Object.assign(forward, { close: () => agent.destroy() });
}

function withoutNotForwarded(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !NOT_FORWARDED.has(name)) kept[name] = value;
  return kept;
}

function firstOf(value: string | string[] | undefined): string | undefined {
  const first = (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  return first || undefined;
}
