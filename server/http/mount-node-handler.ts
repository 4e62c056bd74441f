import type { Handler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { IncomingMessage, ServerResponse } from 'node:http';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Hands a request under `prefix` to a plain Node handler (oidc-provider's Koa app), rewriting
 * the URL the way Koa/Express mounts do so the handler advertises prefixed URLs.
 */
export function mountNodeHandler(prefix: string, handler: NodeHandler): Handler<{ Bindings: HttpBindings }> {
  return async (c) => {
    const { incoming, outgoing } = c.env;
    const request = incoming as IncomingMessage & { originalUrl?: string; baseUrl?: string };
    request.originalUrl = request.url;
    request.baseUrl = prefix;
    request.url = request.url!.slice(prefix.length) || '/';
    await new Promise<void>((resolve) => {
      outgoing.once('close', resolve);
      outgoing.once('finish', resolve);
      handler(request, outgoing);
    });
    return RESPONSE_ALREADY_SENT;
  };
}
