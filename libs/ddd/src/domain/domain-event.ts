import { Identifier } from './identifier';

export interface DomainEventProps<TData> {
  readonly aggregateId: string;
  /** The aggregate revision this event produced: one change, one revision, one event. */
  readonly revision: number;
  readonly occurredAt: Date;
  readonly data: TData;
}

/**
 * A fact the aggregate recorded. `type` doubles as the public routing key, so it is part of
 * the published contract and must never be renamed.
 *
 * `data` is plain JSON-ready data (no value objects), so the event can be stored and
 * published as is, and never holds a secret.
 */
export abstract class DomainEvent<TData extends object = object> {
  abstract readonly type: string;
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

export type DomainEventClass<TEvent extends DomainEvent<TData>, TData extends object> = new (
  props: DomainEventProps<TData>,
) => TEvent;
