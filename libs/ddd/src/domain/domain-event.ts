import { Identifier } from './identifier';

export interface DomainEventProps<TData> {
  readonly aggregateId: string;
  /** The aggregate revision this event produced: one change, one revision, one event. */
  readonly revision: number;
  readonly occurredAt: Date;
  readonly data: TData;
}

/**
 * A fact the aggregate recorded, named by its class (what happened) and told in the domain's
 * own terms: `data` holds value objects and entities, not wire shapes. How the fact looks to
 * the world outside - routing key, CloudEvent `data`, JSON schema - is the module's published
 * contract (infrastructure/messaging), so the domain can be refactored without breaking
 * subscribers.
 */
export abstract class DomainEvent<TData extends object = object> {
  readonly id: string = Identifier.generate();
  readonly aggregateId: string;
  readonly revision: number;
  readonly occurredAt: Date;
  readonly data: TData;

  constructor(props: DomainEventProps<TData>) {
    this.aggregateId = props.aggregateId;
    this.revision = props.revision;
    this.occurredAt = props.occurredAt;
    this.data = props.data;
  }
}

/** What an event class carries. */
export type EventData<TEvent> = TEvent extends DomainEvent<infer TData> ? TData : never;

export type DomainEventClass<TEvent extends DomainEvent> = new (
  props: DomainEventProps<EventData<TEvent>>,
) => TEvent;
