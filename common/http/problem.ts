import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * RFC 9457 problem details. `code` is stable: clients (and the widgets' translation tables)
 * key on it, never on `title` or `detail`, which are for humans and may change.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: Array<{ field: string; code: string; message: string }>;
  [extension: string]: unknown;
}

export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly title: string,
    readonly extras: Partial<Problem> = {},
  ) {
    super(`${status} ${code}: ${title}`);
    this.name = 'ProblemError';
  }

  toProblem(): Problem {
    return { type: `about:blank#${this.code}`, title: this.title, status: this.status, code: this.code, ...this.extras };
  }
}

export function problemResponse(c: Context, problem: Problem): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
}

export const notFound = () => new ProblemError(404, 'not_found', 'Not found');
