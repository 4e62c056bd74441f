import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * Which peers may speak for the client through `X-Forwarded-For` / `X-Forwarded-Proto`
 * (`TRUST_PROXY`): the number of proxy hops in front of the product, or the address ranges
 * of those proxies. `null` (unset) trusts no one: the socket's own address is the client and
 * forwarded headers are ignored, whoever sends them.
 */
export type TrustProxy = { readonly hops: number } | { readonly cidrs: readonly string[] };

/**
 * Parses `TRUST_PROXY`: `1` (hops) or `10.0.0.0/8, 192.168.1.7` (CIDRs, single addresses, or
 * proxy-addr's names `loopback`, `linklocal`, `uniquelocal`). Throws a RangeError saying why.
 */
export function parseTrustProxy(raw: string): TrustProxy {
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops < 1 || hops > 10) throw new RangeError(`must be a number of proxy hops between 1 and 10 (got "${raw}"), or unset to trust no proxy`);
    return { hops };
  }
  const cidrs = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (!cidrs.length) throw new RangeError(`must be a number of proxy hops or a comma-separated list of CIDR ranges (got "${raw}")`);
  for (const cidr of cidrs) {
    // proxy-addr's own parser, so what is accepted here is exactly what is matched later.
    try {
      proxyaddr.compile(cidr);
    } catch {
      throw new RangeError(`must list IP addresses or CIDR ranges such as 10.0.0.0/8 or fd00::/8 ("${cidr}" is neither)`);
    }
  }
  return { cidrs };
}

type TrustFn = (address: string, hop: number) => boolean;
const cache = new WeakMap<TrustProxy, TrustFn>();

function trustFunction(trust: TrustProxy): TrustFn {
  let fn = cache.get(trust);
  if (!fn) {
    fn = 'hops' in trust ? (_address: string, hop: number) => hop < trust.hops : proxyaddr.compile([...trust.cidrs]);
    cache.set(trust, fn);
  }
  return fn;
}

/** Whether the peer on the socket is a proxy we trust, i.e. whether its forwarded headers count. */
export function peerIsTrustedProxy(request: IncomingMessage, trust: TrustProxy | null): boolean {
  if (!trust) return false;
  const peer = request.socket?.remoteAddress;
  return peer !== undefined && trustFunction(trust)(peer, 0);
}

/**
 * The client's address: the socket's peer, or, behind trusted proxies, the nearest address in
 * `X-Forwarded-For` that is not one of them (walking from the right: entries further left are
 * whatever the client chose to send).
 */
export function clientAddressOf(request: IncomingMessage, trust: TrustProxy | null): string {
  const peer = request.socket?.remoteAddress;
  if (!trust || peer === undefined) return peer ?? 'unknown';
  return proxyaddr(request, trustFunction(trust));
}

/** The headers through which a proxy speaks for the client. */
const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded'] as const;

/**
 * Removes the forwarded headers from a request whose peer is not a trusted proxy, so that no
 * later reader (oidc-provider's Koa, which trusts them wholesale once `proxy` is on) can be
 * told a protocol, host or address by the client itself. Returns whether the peer is trusted.
 */
export function dropUntrustedForwarding(request: IncomingMessage, trust: TrustProxy | null): boolean {
  if (peerIsTrustedProxy(request, trust)) return true;
  for (const name of FORWARDED_HEADERS) delete request.headers[name];
  return false;
}
