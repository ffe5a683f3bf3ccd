import { ConflictError } from './conflict.error';

/** Someone else changed the aggregate between our read and our write. */
export class ConcurrentModificationError extends ConflictError {
  constructor(aggregateType: string, id: string) {
    super(`${aggregateType} ${id} was changed by another request; reload it and try again`);
  }
}
