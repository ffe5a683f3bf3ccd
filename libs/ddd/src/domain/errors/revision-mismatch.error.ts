import { DomainError } from './domain.error';

/** The caller made its change conditional on a revision that is no longer current (If-Match). */
export class RevisionMismatchError extends DomainError {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`expected revision ${expected}, but the current revision is ${actual}`);
  }
}
