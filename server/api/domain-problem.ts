import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type DomainErrorKind } from '../kernel/domain-error.ts';
import { ProblemError } from '../../common/http/problem.ts';

const STATUS: Record<DomainErrorKind, ContentfulStatusCode> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 503,
};

/**
 * A domain service's refusal as the API's problem document: the same stable `code`, the kind
 * as the status (422 for a well-formed request the rules refuse; schema failures are 400), and
 * the field details. The message is the service's developer text, free of personal data.
 */
export function problemFromDomainError(error: DomainError): ProblemError {
  return new ProblemError(STATUS[error.kind], error.code, error.message, error.fields.length ? { errors: error.fields } : {});
}

/**
 * Turns a thrown DomainError — or Hono's own HTTPException (a body that is not JSON, a body over
 * the limit) — into a ProblemError; leaves anything else as it is.
 */
export function asProblem(error: unknown): unknown {
  if (error instanceof DomainError) return problemFromDomainError(error);
  if (error instanceof HTTPException && error.status < 500) {
    if (error.status === 413) return new ProblemError(413, 'payload_too_large', 'The request body is too large');
    return new ProblemError(error.status as ContentfulStatusCode, 'invalid_request', 'The request is not valid', {
      errors: [{ field: '(body)', code: 'malformed', message: 'The request body could not be read' }],
    });
  }
  return error;
}
