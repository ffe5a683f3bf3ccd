import { ChangeSet } from '@servertree/ddd';

/**
 * The `changes` of a `*.modified` event: every field of `before` whose JSON form differs in
 * `after`, as `{ from, to }` (so a composite such as an operating system changes as a whole).
 */
export function fieldChanges<T extends object>(before: T, after: T): ChangeSet {
  const changes = new ChangeSet();
  for (const field of Object.keys(before) as (keyof T & string)[]) {
    changes.compare(field, before[field], after[field]);
  }
  return changes;
}
