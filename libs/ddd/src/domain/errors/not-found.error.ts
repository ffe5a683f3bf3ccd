import { DomainError } from './domain.error';

/** The addressed aggregate, or a part of it, does not exist. */
export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(message);
  }

  static aggregate(aggregateType: string, id: string): NotFoundError {
    return new NotFoundError(`${aggregateType} ${id} does not exist`);
  }
}
