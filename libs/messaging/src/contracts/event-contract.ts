import type { DomainEvent, DomainEventClass } from '@servertree/ddd';
import { JsonSchema, objectSchema } from './json-schema';

/**
 * How one domain event looks to subscribers: its routing key, the CloudEvent `data` it becomes
 * and that data's schema (for the AsyncAPI document). Each module declares these beside its
 * other infrastructure (infrastructure/messaging/*-published-events.ts); the domain event itself
 * knows nothing of them.
 */
export interface EventContract<TEvent extends DomainEvent = DomainEvent> {
  /** The domain event class this contract publishes; the key it is found by. */
  readonly event: DomainEventClass<TEvent>;
  /** The CloudEvent `type`, which is also the routing key: public, never renamed. */
  readonly type: string;
  /** One sentence: what happened. */
  readonly summary: string;
  /** The schema of the CloudEvent's `data`. */
  readonly dataSchema: JsonSchema;
  /** The CloudEvent's `data` for one event: plain JSON, never a secret. */
  toData(event: TEvent): object;
}

/** For events whose fact is all in their envelope (`*.discarded`): `data` is `{}`. */
export const NO_DATA = { dataSchema: objectSchema({}), toData: (): object => ({}) } as const;
