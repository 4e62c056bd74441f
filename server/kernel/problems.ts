import { DomainError, type FieldProblem } from './domain-error.ts';

/**
 * Collects the problems of one input, so a form learns about every bad field at once. The
 * error's `code` is the first problem's code (e.g. `invalid_place`); each field's own `code`
 * says what is wrong with it (`too_long`, `control_characters`…).
 */
export class Problems {
  private readonly list: { errorCode: string; problem: FieldProblem }[] = [];

  add(errorCode: string, field: string, code: string, message: string): void {
    this.list.push({ errorCode, problem: { field, code, message } });
  }

  get size(): number {
    return this.list.length;
  }

  throwIfAny(message: string): void {
    const first = this.list[0];
    if (first)
      throw DomainError.invalid(
        first.errorCode,
        message,
        this.list.map((p) => p.problem),
      );
  }
}

/** One invalid field as an error of its own. */
export function invalidField(errorCode: string, field: string, code: string, message: string): DomainError {
  return DomainError.invalid(errorCode, message, [{ field, code, message }]);
}
