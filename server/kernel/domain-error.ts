/**
 * A refusal by a domain service: a stable `code` (the API's problem `code` and the widgets'
 * translation key), the kind of refusal (which the API maps to an HTTP status), and per-field
 * details. Messages are English for developers and logs; they never contain personal data.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unavailable';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static invalid(code: string, message: string, fields: FieldProblem[] = []) {
    return new DomainError(code, 'invalid', message, fields);
  }

  /** Also for another customer's object: it must look exactly like a missing one. */
  static notFound(code: string, message = 'Not found') {
    return new DomainError(code, 'not_found', message);
  }

  static conflict(code: string, message: string) {
    return new DomainError(code, 'conflict', message);
  }
}
