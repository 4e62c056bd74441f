import type { Problem } from './schemas.ts';

/** One refused field of a request (`errors[]` of a problem document). */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
}

/**
 * A request the API refused, or one that never reached it. `code` is the problem document's
 * stable code (RFC 9457 `code` extension) and doubles as the translation key `problem.<code>`;
 * `network_error` and `unexpected_response` are the widgets' own codes.
 * The API's English `title`/`detail` are kept for developers, never shown to customers.
 */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly status: number;
  readonly code: string;
  readonly fields: readonly FieldProblem[];
  /** Seconds to wait before retrying, from `Retry-After`, when the API sent one. */
  readonly retryAfter: number | undefined;

  constructor(status: number, code: string, options: { detail?: string; fields?: readonly FieldProblem[]; retryAfter?: number } = {}) {
    super(options.detail ?? `${status} ${code}`);
    this.status = status;
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfter = options.retryAfter;
  }

  /** The first refusal of one field, if any. */
  fieldCode(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.code;
  }

  static network(cause: unknown): ApiProblem {
    const problem = new ApiProblem(0, 'network_error', { detail: 'The API could not be reached' });
    (problem as { cause?: unknown }).cause = cause;
    return problem;
  }

  /** Reads a failed response: a problem document when it is one, else a code from the status. */
  static async from(response: Response): Promise<ApiProblem> {
    const retryHeader = Number(response.headers.get('retry-after'));
    const retryAfter = Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined;
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      const body = (await response.json().catch(() => undefined)) as Partial<Problem> | undefined;
      if (body && typeof body.code === 'string') {
        const fields = Array.isArray(body.errors) ? body.errors.map(({ field, code }) => ({ field, code })) : [];
        return new ApiProblem(response.status, body.code, { detail: body.detail ?? body.title, fields, retryAfter });
      }
    }
    return new ApiProblem(response.status, response.status >= 500 ? 'server_error' : 'unexpected_response', { retryAfter });
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}
