import { DomainError } from './domain.error';

/** One broken rule, named by the input field (dotted path, e.g. `credentials[2].username`). */
export interface Violation {
  readonly field: string;
  readonly message: string;
}

/** Input that breaks one or more rules; carries every violation found, not just the first. */
export class InvalidInputError extends DomainError {
  constructor(readonly violations: readonly Violation[]) {
    super(violations.map((v) => v.message).join('; '));
  }

  static single(field: string, message: string): InvalidInputError {
    return new InvalidInputError([{ field, message }]);
  }
}
