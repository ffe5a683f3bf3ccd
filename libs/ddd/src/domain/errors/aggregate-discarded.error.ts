import { ConflictError } from './conflict.error';

/** A discarded aggregate is read-only: every command on it is refused. */
export class AggregateDiscardedError extends ConflictError {
  constructor(aggregateType: string, id: string) {
    super(`${aggregateType} ${id} is discarded and accepts no further changes`);
  }
}
