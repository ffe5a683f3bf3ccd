import { DomainError } from './domain.error';

/** The command clashes with the current state: a duplicate, a discarded aggregate, a lost race. */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super(message);
  }
}
