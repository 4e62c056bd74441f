import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../../common/http/logger.ts';
import type { TrustProxy } from '../../../common/http/trust-proxy.ts';
import { forwardToSocket } from '../../http/forward-to-socket.ts';
import type { NodeHandler } from '../../http/node-route.ts';
import type { IdpThreadData, IdpThreadMessage } from './idp-thread-data.ts';
import { problems } from '../../api/auth/problems.ts';

/**
 * The IdP's endpoints (/oidc/*) in a worker thread of their own, behind a forwarder.
 *
 * Why: oidc-provider runs each of its requests inside an AsyncLocalStorage, and on Node 20 that
 * switches on async_hooks' promise hooks for the whole thread at its first request; from then on
 * every promise of every API request pays for them (measured: 13–20 % of the API's CPU per
 * request). In a thread of its own, only the IdP's requests pay. The log-in pages (/interaction,
 * /account) stay in the app's thread with a provider object of their own: they call its methods,
 * never its Koa app, so nothing is switched on there. Both share the database and the keys, as
 * two instances of the product do.
 */
export interface IdpThread {
  /** The app's handler for /oidc/*: forwards to the thread. */
  endpoints: NodeHandler;
  /** False once the thread has stopped unasked (`/readyz` then says so). */
  alive(): boolean;
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 5_000;

/** `true` in the build of `npm start` (scripts/build-server.mjs defines it); undefined when run through tsx. */
declare const __SERVER_BUILD__: boolean | undefined;

/**
 * The thread's entry: built, beside the server's own (`dist/server/idp-thread.mjs`; the build
 * keeps `import.meta.url` naming this source file); else the TypeScript, through tsx (tests).
 */
function threadEntry(): URL {
  if (typeof __SERVER_BUILD__ !== 'undefined' && __SERVER_BUILD__) return new URL('../../../dist/server/idp-thread.mjs', import.meta.url);
  return new URL('./idp-thread.js', import.meta.url);
}

/**
 * Starts the thread at once, so that it loads its code while `data` is still being gathered (the
 * database opening, above all), then hands it `data`; resolves once it takes requests.
 */
export async function startIdpThread(data: Promise<IdpThreadData>, options: { trustProxy: TrustProxy | null; logger: Logger }): Promise<IdpThread> {
  const worker = new Worker(threadEntry());
  const socketPath = await new Promise<string>((resolve, reject) => {
    worker.once('message', (message: IdpThreadMessage) => resolve(message.socketPath));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The IdP thread stopped while starting (exit code ${code})`)));
    data.then((serveWith) => worker.postMessage(serveWith), reject);
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });

  let alive = true;
  let closing = false;
  worker.on('error', (error) => options.logger.error('idp_thread_failed', { error: error.name, message: error.message }));
  worker.once('exit', (code) => {
    alive = false;
    if (!closing) options.logger.error('idp_thread_stopped', { code });
  });
  const forward = forwardToSocket(socketPath, { trustProxy: options.trustProxy, unavailable: idpUnavailable });
  return {
    endpoints: forward,
    alive: () => alive,
    async close() {
      closing = true;
      if (alive) {
        const exited = once(worker, 'exit');
        worker.postMessage('close');
        const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      forward.close();
    },
  };
}

/** The API's own refusal when the IdP cannot be reached (its BFF answers the same). */
function idpUnavailable(res: ServerResponse): void {
  const problem = problems.idpUnavailable().toProblem();
  res.writeHead(problem.status, { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '5' });
  res.end(JSON.stringify(problem));
}
