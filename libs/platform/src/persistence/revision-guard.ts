import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AggregateRoot, ConcurrentModificationError } from '@servertree/ddd';

/**
 * Optimistic concurrency in one statement: the row is updated only if it still carries the
 * revision the aggregate was loaded with. Zero rows affected means another writer got there
 * first; that writer's change stays and this command fails instead of overwriting it.
 */
export async function updateWithRevisionCheck<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  aggregate: AggregateRoot,
  aggregateType: string,
  values: QueryDeepPartialEntity<T>,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set(values)
    .where('id = :id AND revision = :revision', {
      id: aggregate.id,
      revision: aggregate.persistedRevision,
    })
    .execute();
  if (result.affected !== 1) throw new ConcurrentModificationError(aggregateType, aggregate.id);
}
