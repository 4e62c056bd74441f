import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { clientAddressOf, type TrustProxy } from '../http/trust-proxy.ts';

/**
 * The client's address, for per-address throttling (the throttle hashes its keys, so it is
 * never stored in clear): the socket's peer, or, behind the proxies `TRUST_PROXY` names, the
 * address they forwarded in `X-Forwarded-For`. Without `TRUST_PROXY` the header is ignored:
 * anyone can send one, and a throttle keyed on it would be a throttle the client chooses.
 */
export function clientAddress(c: Context, trust: TrustProxy | null): string {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return incoming ? clientAddressOf(incoming, trust) : 'unknown';
}
