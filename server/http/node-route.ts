import type { Handler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * A plain Node handler (oidc-provider's Koa app) mounted under `prefix`: it sees the URL the way
 * Koa/Express mounts rewrite it (`url` without the prefix, `originalUrl` and `baseUrl` kept), so
 * it advertises prefixed URLs.
 */
export function atMountPath(prefix: string, handler: NodeHandler): NodeHandler {
  return (req, res) => {
    const request = req as IncomingMessage & { originalUrl?: string; baseUrl?: string };
    request.originalUrl = request.url;
    request.baseUrl = prefix;
    request.url = request.url!.slice(prefix.length) || '/';
    return handler(request, res);
  };
}

/** A Hono route that hands the raw Node request and response to `handler` and waits until it has answered. */
export function nodeRoute(handler: NodeHandler): Handler<{ Bindings: HttpBindings }> {
  return async (c) => {
    const { incoming, outgoing } = c.env;
    await new Promise<void>((resolve) => {
      outgoing.once('close', resolve);
      outgoing.once('finish', resolve);
      handler(incoming, outgoing);
    });
    return RESPONSE_ALREADY_SENT;
  };
}
