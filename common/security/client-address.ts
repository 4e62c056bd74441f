import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';

/**
 * The client's address, for per-address throttling (the throttle hashes its keys, so it is
 * never stored in clear). Behind the production load
 * balancer (`trustProxy`) it is the last `X-Forwarded-For` entry — the one our own proxy
 * appended; earlier entries are whatever the client chose to send.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean);
    const last = forwarded?.at(-1);
    if (last) return last;
  }
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
