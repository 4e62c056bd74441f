// A fake of the insurer API for widget unit tests only: it replaces window.fetch and
// XMLHttpRequest while installed, routes requests by method and path, and records every call.
// End-to-end tests (test/e2e) run the widgets against the real API.

import { generateKeyPair } from 'dpop';
import { openKeyStore } from '../../../widgets/session/key-store.ts';

export const FAKE_API_BASE = 'https://api.test/api';

export interface FakeRequest {
  method: string;
  /** The path under the API base, e.g. `/policies/12`. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  credentials: RequestCredentials | 'include-xhr';
  /** Parsed JSON, a FormData (multipart), or undefined. */
  body: unknown;
  /** Route parameters (`:id` in the pattern). */
  params: Record<string, string>;
}

export interface FakeResponse {
  status?: number;
  json?: unknown;
  /** A raw body (e.g. a PDF Blob) instead of JSON. */
  body?: BodyInit;
  headers?: Record<string, string>;
}

export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export const DEMO_CUSTOMER = { name: 'Szőke Erzsébet', customerNumber: '10204460', kind: 'person' as const };

/** The handle `seedSession()` stores: a page that was logged in before it loaded. */
export const SEEDED_HANDLE = 'seeded-handle';

/** Puts a logged-in session (a new non-extractable key and SEEDED_HANDLE) in the page's key store for the fake API. */
export async function seedSession(): Promise<void> {
  const store = await openKeyStore(FAKE_API_BASE);
  await store.save({ keys: await generateKeyPair('ES256', { extractable: false }), handle: SEEDED_HANDLE });
}

/** Empties the page's key store for the fake API (a page nobody logged in on). */
export async function clearSession(): Promise<void> {
  await (await openKeyStore(FAKE_API_BASE)).clear();
}

const RESPONSE = Symbol('fake response');

/** Marks an answer as a whole response (status, headers, body) rather than a JSON body, for `on()`. */
export function respond(response: FakeResponse): FakeResponse {
  return Object.assign(response, { [RESPONSE]: true });
}

/** A problem document answer, as the API sends it. Usable in `on()` directly or returned by a handler. */
export function problem(status: number, code: string, errors: { field: string; code: string; message?: string }[] = []): FakeResponse {
  return respond({
    status,
    headers: { 'content-type': 'application/problem+json' },
    json: { type: 'about:blank', title: code, status, code, ...(errors.length ? { errors: errors.map((e) => ({ message: e.code, ...e })) } : {}) },
  });
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: FakeHandler;
}

export class FakeApi {
  readonly calls: FakeRequest[] = [];
  readonly #routes: Route[] = [];
  #originalFetch: typeof fetch | undefined;
  #originalXhr: typeof XMLHttpRequest | undefined;

  /** The handles this fake API knows: SEEDED_HANDLE when it starts logged in, and every one `POST /session` opened. */
  readonly handles = new Set<string>();

  /**
   * Starts with a logged-in session unless told otherwise: GET /session with SEEDED_HANDLE (put in
   * the page's key store by `seedSession()`) answers the customer. Like the API, it answers a
   * session request only with `Authorization: DPoP <handle>` and a `DPoP` proof (401 otherwise);
   * `POST /session` needs a proof and opens a new handle. Proofs' contents are checked by the
   * widget tests of `DpopSession`, against WebCrypto.
   */
  constructor(options: { authenticated?: boolean } = {}) {
    if (options.authenticated ?? true) this.handles.add(SEEDED_HANDLE);
    this.on('GET', '/session', (request) => {
      const handle = /^DPoP (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      if (handle === undefined) return { json: { authenticated: false } };
      if (!request.headers.get('dpop')) return problem(401, 'invalid_dpop_proof');
      if (!this.handles.has(handle)) return problem(401, 'session_expired');
      return { json: { authenticated: true, customer: DEMO_CUSTOMER, clientId: 'test', partner: { name: 'Teszt Alkusz' } } };
    });
    this.on('POST', '/session', (request) => {
      if (!request.headers.get('dpop') || request.headers.has('authorization')) return problem(401, 'invalid_dpop_proof');
      const handle = `handle-${this.handles.size + 1}`;
      this.handles.add(handle);
      return {
        json: { handle, expiresIn: 28800, session: { authenticated: true, customer: DEMO_CUSTOMER, clientId: 'test', partner: { name: 'Teszt Alkusz' } } },
      };
    });
    this.on('DELETE', '/session', () => ({ status: 204 }));
  }

  /**
   * Adds (or replaces) a route. `path` may hold `:name` parameters. The answer is a handler, a
   * response made with `respond()`/`problem()`, or any other object, which is sent as JSON.
   */
  on(method: string, path: string, handler: FakeHandler | object): this {
    const names: string[] = [];
    const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const route: Route = {
      method: method.toUpperCase(),
      pattern: new RegExp(`^${source}$`),
      names,
      handler: typeof handler === 'function' ? (handler as FakeHandler) : RESPONSE in handler ? () => handler as FakeResponse : () => ({ json: handler }),
    };
    const index = this.#routes.findIndex((r) => r.method === route.method && r.pattern.source === route.pattern.source);
    if (index >= 0) this.#routes.splice(index, 1, route);
    else this.#routes.push(route);
    return this;
  }

  /** The calls to one method and path (without the query). */
  callsTo(method: string, path: string): FakeRequest[] {
    return this.calls.filter((c) => c.method === method.toUpperCase() && c.path === path);
  }

  install(): this {
    this.#originalFetch = window.fetch;
    this.#originalXhr = window.XMLHttpRequest;
    window.fetch = (input, init) => this.#fetch(new Request(input, init));
    window.XMLHttpRequest = fakeXhrClass(this);
    return this;
  }

  restore(): void {
    if (this.#originalFetch) window.fetch = this.#originalFetch;
    if (this.#originalXhr) window.XMLHttpRequest = this.#originalXhr;
  }

  async #fetch(request: Request): Promise<Response> {
    const contentType = request.headers.get('content-type') ?? '';
    let body: unknown;
    if (contentType.includes('json')) body = await request.json();
    else if (contentType.includes('multipart')) body = await request.formData();
    return this.dispatch(request.method, request.url, request.headers, body, request.credentials);
  }

  /** Routes one request; unknown routes answer 404 not_found like the API. */
  async dispatch(method: string, href: string, headers: Headers, body: unknown, credentials: FakeRequest['credentials']): Promise<Response> {
    const url = new URL(href);
    if (!url.href.startsWith(FAKE_API_BASE)) throw new TypeError(`fake API: request outside the API: ${href}`);
    const path = url.pathname.slice(new URL(FAKE_API_BASE).pathname.length) || '/';
    for (const route of this.#routes) {
      const match = route.method === method.toUpperCase() ? route.pattern.exec(path) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      const request: FakeRequest = { method: method.toUpperCase(), path, query: url.searchParams, headers, credentials, body, params };
      this.calls.push(request);
      // Like the API: a handle it does not know opens nothing (the session routes answer for themselves).
      const handle = /^DPoP (.+)$/.exec(headers.get('authorization') ?? '')?.[1];
      const refused = handle !== undefined && !path.startsWith('/session') && !this.handles.has(handle);
      const answer = refused ? problem(401, 'session_expired') : await route.handler(request);
      const responseHeaders = new Headers(answer.headers);
      if (answer.json !== undefined && !responseHeaders.has('content-type')) responseHeaders.set('content-type', 'application/json');
      const payload = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.body ?? null);
      return new Response(answer.status === 204 ? null : payload, { status: answer.status ?? 200, headers: responseHeaders });
    }
    this.calls.push({ method: method.toUpperCase(), path, query: url.searchParams, headers, credentials, body, params: {} });
    const missing = problem(404, 'not_found');
    return new Response(JSON.stringify(missing.json), { status: 404, headers: missing.headers });
  }
}

/** A minimal XMLHttpRequest over the fake routes, with upload progress events (ApiClient.upload). */
function fakeXhrClass(api: FakeApi): typeof XMLHttpRequest {
  class FakeXhr extends EventTarget {
    readonly upload = new EventTarget();
    withCredentials = false;
    status = 0;
    responseText = '';
    #method = 'GET';
    #url = '';
    #headers = new Headers();
    #response: Response | undefined;
    #aborted = false;

    open(method: string, url: string): void {
      this.#method = method;
      this.#url = url;
    }

    setRequestHeader(name: string, value: string): void {
      this.#headers.set(name, value);
    }

    getResponseHeader(name: string): string | null {
      return this.#response?.headers.get(name) ?? null;
    }

    abort(): void {
      this.#aborted = true;
      this.dispatchEvent(new Event('abort'));
    }

    send(body: FormData): void {
      const total = [...body.values()].reduce((sum, v) => sum + (typeof v === 'string' ? v.length : v.size), 0) || 1;
      void (async () => {
        for (const loaded of [Math.round(total / 2), total]) {
          await new Promise((r) => setTimeout(r, 5));
          if (this.#aborted) return;
          this.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded, total }));
        }
        const response = await api.dispatch(this.#method, this.#url, this.#headers, body, this.withCredentials ? 'include-xhr' : 'same-origin');
        if (this.#aborted) return;
        this.#response = response;
        this.status = response.status;
        this.responseText = await response.text();
        this.dispatchEvent(new Event('load'));
      })();
    }
  }
  return FakeXhr as unknown as typeof XMLHttpRequest;
}
