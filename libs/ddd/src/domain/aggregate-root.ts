import { DomainEvent, DomainEventClass, EventData } from './domain-event';
import { AggregateDiscardedError } from './errors';

/** What every aggregate carries besides its own state. */
export interface AggregateLifecycle {
  readonly revision: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly discarded: boolean;
}

/** Lifecycle of an aggregate that does not exist yet: its registration will be revision 1. */
export const unregistered = (at: Date): AggregateLifecycle => ({
  revision: 0,
  createdAt: at,
  updatedAt: at,
  discarded: false,
});

/**
 * The consistency boundary. Behaviour methods validate, change state and record exactly one
 * event through `recordChange`, which also bumps the revision: the revision and the event
 * stream can therefore never disagree. A behaviour that changes nothing records nothing.
 *
 * `persistedRevision` is the revision the aggregate had when it was loaded; the repository
 * writes with `WHERE revision = persistedRevision`, which is what makes concurrent writers
 * lose loudly instead of silently overwriting each other.
 */
export abstract class AggregateRoot {
  protected abstract readonly aggregateType: string;
  readonly persistedRevision: number;
  private lifecycle: AggregateLifecycle;
  private pending: DomainEvent | undefined;

  protected constructor(
    readonly id: string,
    lifecycle: AggregateLifecycle,
  ) {
    this.lifecycle = lifecycle;
    this.persistedRevision = lifecycle.revision;
  }

  get revision(): number {
    return this.lifecycle.revision;
  }

  get createdAt(): Date {
    return this.lifecycle.createdAt;
  }

  get updatedAt(): Date {
    return this.lifecycle.updatedAt;
  }

  get discarded(): boolean {
    return this.lifecycle.discarded;
  }

  get isNew(): boolean {
    return this.persistedRevision === 0;
  }

  /** Hands the recorded events to whoever persists them, exactly once. */
  pullEvents(): DomainEvent[] {
    const events = this.pending ? [this.pending] : [];
    this.pending = undefined;
    return events;
  }

  protected recordChange<TEvent extends DomainEvent>(
    eventClass: DomainEventClass<TEvent>,
    data: EventData<TEvent>,
    at: Date,
  ): void {
    if (this.pending) {
      // A command is one change: two events would mean two revisions for one write.
      throw new Error(`${this.aggregateType} ${this.id} already recorded a change in this command`);
    }
    const revision = this.lifecycle.revision + 1;
    this.lifecycle = { ...this.lifecycle, revision, updatedAt: at };
    this.pending = new eventClass({ aggregateId: this.id, revision, occurredAt: at, data });
  }

  protected markDiscarded(): void {
    this.lifecycle = { ...this.lifecycle, discarded: true };
  }

  protected assertNotDiscarded(): void {
    if (this.lifecycle.discarded) throw new AggregateDiscardedError(this.aggregateType, this.id);
  }
}
