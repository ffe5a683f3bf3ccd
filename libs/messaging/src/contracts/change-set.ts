/** `{ from, to }` of one field, as `*.modified` events publish it. */
export interface FieldChange {
  readonly from: unknown;
  readonly to: unknown;
}

/** A change whose values must stay hidden (a replaced password): only the fact is told. */
export interface ConcealedChange {
  readonly changed: true;
}

export type Changes = Readonly<Record<string, FieldChange | ConcealedChange>>;

/**
 * Collects only the fields that really changed. Values are compared by their JSON form, so a
 * composite such as an operating system counts as one field that changed as a whole.
 */
export class ChangeSet {
  private readonly changes: Record<string, FieldChange | ConcealedChange> = {};

  compare(field: string, from: unknown, to: unknown): this {
    const before = plain(from);
    const after = plain(to);
    if (JSON.stringify(before) !== JSON.stringify(after))
      this.changes[field] = { from: before, to: after };
    return this;
  }

  conceal(field: string): this {
    this.changes[field] = { changed: true };
    return this;
  }

  get isEmpty(): boolean {
    return Object.keys(this.changes).length === 0;
  }

  toJSON(): Changes {
    return { ...this.changes };
  }
}

/** Events carry plain JSON: value objects become their JSON form, absence becomes null. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

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
