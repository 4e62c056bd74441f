import { ApiProblem } from './api-problem.ts';

export type QueryValue = string | number | boolean | undefined | null;

export interface ApiClientOptions {
  /** Called when the API answers 401: the session ended or expired. */
  onUnauthorized?: (problem: ApiProblem) => void;
}

export interface UploadOptions {
  /** Bytes sent so far and in total, as the browser reports them. */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * The widgets' way to the insurer API. Every request carries the session cookie
 * (`credentials: 'include'`: the cookie is partitioned to the top-level site, so only this
 * partner page's session rides along) and `X-GP-Request: 1`, which the API requires on
 * cookie requests (a header a plain form or image cannot send, so it is not CSRF-able).
 * Failures become {@link ApiProblem}s; nothing raw reaches a customer.
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
  upload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', this.url(path));
      xhr.withCredentials = true;
      xhr.setRequestHeader('X-GP-Request', '1');
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
      });
      xhr.addEventListener('error', () => reject(ApiProblem.network(new Error('upload failed'))));
      xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled', 'AbortError')));
      xhr.addEventListener('load', () => {
        const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
          status: xhr.status,
          headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '', 'retry-after': xhr.getResponseHeader('retry-after') ?? '' },
        });
        if (response.ok) {
          response.json().then((value) => resolve(value as T), () => reject(new ApiProblem(xhr.status, 'unexpected_response')));
        } else {
          void ApiProblem.from(response).then((problem) => reject(this.#refused(problem)));
        }
      });
      options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(form);
    });
  }

  async #json<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<T> {
    const init = { headers: { Accept: 'application/json, application/problem+json', ...headers } as Record<string, string>, body: undefined as string | undefined, signal };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await this.#fetch(method, url, init);
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiProblem(response.status, 'unexpected_response');
    }
  }

  async #fetch(method: string, url: string, init: { headers: Record<string, string>; body?: string; signal?: AbortSignal }): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        credentials: 'include',
        mode: 'cors',
        cache: 'no-store',
        headers: { 'X-GP-Request': '1', ...init.headers },
        body: init.body,
        signal: init.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw ApiProblem.network(error);
    }
    if (!response.ok) throw this.#refused(await ApiProblem.from(response));
    return response;
  }

  #refused(problem: ApiProblem): ApiProblem {
    if (problem.status === 401) this.#options.onUnauthorized?.(problem);
    return problem;
  }
}
