import { AggregateRoot, ConcurrentModificationError, DomainEvent } from '../domain';

/** How one aggregate type is kept in memory by a module's in-memory repository. */
export interface InMemoryStorage<T extends AggregateRoot> {
  readonly aggregateType: string;
  /**
   * The aggregate as a fresh load would give it back: a round trip through its stored form, so
   * a handler never holds the instance the store keeps, and the copy's loaded revision is the
   * stored one.
   */
  copy(aggregate: T): T;
  /** What must be unique among live aggregates (a case-folded name), if anything. */
  uniqueKey?(aggregate: T): string;
  /** The error the real repository raises when that key is taken. */
  duplicate?(aggregate: T): Error;
}

/**
 * The base of the in-memory repositories of handler specs (each implements its module's
 * repository port), keeping the promises of those ports without I/O: a load is a fresh copy, a save writes nothing when nothing
 * changed, refuses a stale revision and a taken unique key, and keeps the saved events where
 * the real one hands them to the outbox (`savedEvents`).
 */
export class InMemoryAggregateStore<T extends AggregateRoot> {
  private readonly aggregates = new Map<string, T>();
  readonly savedEvents: DomainEvent[] = [];

  constructor(private readonly storage: InMemoryStorage<T>) {}

  async findById(id: string): Promise<T | undefined> {
    const stored = this.aggregates.get(id);
    return stored && this.storage.copy(stored);
  }

  async save(aggregate: T): Promise<void> {
    const events = aggregate.pullEvents();
    if (events.length === 0) return;
    const storedRevision = this.aggregates.get(aggregate.id)?.revision ?? 0;
    if (storedRevision !== aggregate.persistedRevision) {
      throw new ConcurrentModificationError(this.storage.aggregateType, aggregate.id);
    }
    this.assertUnique(aggregate);
    this.aggregates.set(aggregate.id, this.storage.copy(aggregate));
    this.savedEvents.push(...events);
  }

  /** Every stored aggregate, as stored (not copies): for a port's own queries. */
  protected stored(): readonly T[] {
    return [...this.aggregates.values()];
  }

  /** Stores aggregates as a test's starting point: as saved earlier, events already delivered. */
  given(...aggregates: T[]): this {
    for (const aggregate of aggregates) {
      aggregate.pullEvents();
      this.aggregates.set(aggregate.id, this.storage.copy(aggregate));
    }
    return this;
  }

  private assertUnique(aggregate: T): void {
    const { uniqueKey, duplicate } = this.storage;
    if (!uniqueKey || !duplicate || aggregate.discarded) return;
    const key = uniqueKey(aggregate);
    const taken = [...this.aggregates.values()].some(
      (other) => other.id !== aggregate.id && !other.discarded && uniqueKey(other) === key,
    );
    if (taken) throw duplicate(aggregate);
  }
}
