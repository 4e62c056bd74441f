import { ApiProblem } from './api-problem.ts';
import type { DpopSession } from '../session/dpop-session.ts';
import type { UploadOptions } from './upload-options.ts';

export type { UploadOptions };

export type QueryValue = string | number | boolean | undefined | null;

export interface ApiClientOptions {
  /** Called when the API answers 401: the session ended or expired. */
  onUnauthorized?: (problem: ApiProblem) => void;
  /** The page's key-bound session: its handle and a proof go with every request. */
  session?: DpopSession;
}

/**
 * The widgets' way to the insurer API. No cookie goes along (`credentials: 'omit'`): a request
 * of a logged-in page carries `Authorization: DPoP <handle>` and a `DPoP` proof signed by the
 * page's non-extractable key (see `DpopSession`), and every request `X-GP-Request: 1`. A proof
 * refused as not fresh (`use_dpop_nonce`, a clock that is off) is signed again once with the
 * API's `DPoP-Nonce`. Failures become {@link ApiProblem}s; nothing raw reaches a customer.
 */
export class ApiClient {
  readonly base: string;
  readonly #options: ApiClientOptions;

  /** @param base The API base, e.g. `https://portal.example/api`, without a trailing slash. */
  constructor(base: string, options: ApiClientOptions = {}) {
    this.base = base;
    this.#options = options;
  }

  /** The API's origin: where login messages may come from. */
  get origin(): string {
    return new URL(this.base).origin;
  }

  url(path: string, query?: Record<string, QueryValue>): string {
    const url = new URL(this.base + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  get<T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T> {
    return this.#json<T>('GET', this.url(path, query), undefined, {}, signal);
  }

  post<T>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.#json<T>('POST', this.url(path), body, headers);
  }

  /** Redeems a log-in ticket with a proof of the page's new key (the session is bound to it). */
  redeem<T>(path: string, body: unknown): Promise<T> {
    return this.#json<T>('POST', this.url(path), body, {}, undefined, true);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.#json<T>('PATCH', this.url(path), body);
  }

  delete<T>(path: string, query?: Record<string, QueryValue>): Promise<T | undefined> {
    return this.#json<T | undefined>('DELETE', this.url(path, query));
  }

  /** A binary resource (a PDF), as a Blob. */
  async blob(path: string, signal?: AbortSignal): Promise<Blob> {
    const response = await this.#fetch('GET', this.url(path), { headers: {}, signal });
    return response.blob();
  }

  /**
   * A multipart upload with progress (fetch cannot report upload progress; XHR can).
   * Resolves with the JSON answer, rejects with an ApiProblem.
   */
  async upload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
    const url = this.url(path);
    // Only the claim form uploads: its code comes when it is first needed.
    const { xhrUpload } = await import('./xhr-upload.ts');
    const send = async () => {
      const auth = (await this.#options.session?.headers('POST', url)) ?? {};
      const { response, nonce } = await xhrUpload(url, form, { 'X-GP-Request': '1', Accept: 'application/json, application/problem+json', ...auth }, options);
      return { response, nonce: this.#keepNonce(nonce) };
    };
    const first = await send();
    let { response } = first;
    // As for every other call: a clock that is off gets one retry, signed with the API's nonce.
    if (response.status === 401 && first.nonce && (await ApiProblem.from(response.clone())).code === 'use_dpop_nonce') ({ response } = await send());
    if (!response.ok) throw this.#refused(await ApiProblem.from(response));
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiProblem(response.status, 'unexpected_response');
    }
  }

  async #json<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal, bindKey = false): Promise<T> {
    const init = {
      headers: { Accept: 'application/json, application/problem+json', ...headers } as Record<string, string>,
      body: undefined as string | undefined,
      signal,
    };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await this.#fetch(method, url, init, bindKey);
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiProblem(response.status, 'unexpected_response');
    }
  }

  async #fetch(
    method: string,
    url: string,
    init: { headers: Record<string, string>; body?: string; signal?: AbortSignal },
    bindKey = false,
    retried = false,
  ): Promise<Response> {
    let response: Response;
    try {
      const auth = (await this.#options.session?.headers(method, url, bindKey)) ?? {};
      response = await fetch(url, {
        method,
        credentials: 'omit',
        mode: 'cors',
        cache: 'no-store',
        headers: { 'X-GP-Request': '1', ...init.headers, ...auth },
        body: init.body,
        signal: init.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw ApiProblem.network(error);
    }
    const nonce = this.#keepNonce(response.headers.get('dpop-nonce'));
    if (response.ok) return response;
    const problem = await ApiProblem.from(response);
    // This browser's clock is off: sign the same request again with the API's nonce, once.
    if (problem.code === 'use_dpop_nonce' && nonce && !retried) return this.#fetch(method, url, init, bindKey, true);
    throw this.#refused(problem);
  }

  #keepNonce(nonce: string | null): string | null {
    if (nonce && this.#options.session) this.#options.session.nonce = nonce;
    return nonce;
  }

  #refused(problem: ApiProblem): ApiProblem {
    if (problem.status === 401) this.#options.onUnauthorized?.(problem);
    return problem;
  }
}
