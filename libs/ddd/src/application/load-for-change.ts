import { AggregateRoot, NotFoundError, RevisionMismatchError } from '../domain';

/**
 * The opening of every command on an existing aggregate: it must exist, and if the caller
 * made the change conditional (If-Match), the revision it saw must still be current.
 */
export async function loadForChange<T extends AggregateRoot>(
  found: Promise<T | undefined>,
  aggregateType: string,
  id: string,
  expectedRevision: number | undefined,
): Promise<T> {
  const aggregate = await found;
  if (!aggregate) throw NotFoundError.aggregate(aggregateType, id);
  if (expectedRevision !== undefined && expectedRevision !== aggregate.revision) {
    throw new RevisionMismatchError(expectedRevision, aggregate.revision);
  }
  return aggregate;
}
