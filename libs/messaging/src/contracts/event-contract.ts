import type { DomainEvent } from '@servertree/ddd';
import type { JsonSchema } from './json-schema';

/** A domain event class; its static `type` is the routing key. */
export type PublishedEventClass = (abstract new (...args: never[]) => DomainEvent) & {
  readonly type: string;
};

/**
 * How one event type looks to subscribers: what the AsyncAPI document says about it. Keyed by
 * the class itself, so the routing key is never spelt twice.
 */
export interface EventContract {
  readonly event: PublishedEventClass;
  /** One sentence: what happened. */
  readonly summary: string;
  /** The schema of the CloudEvent's `data`. */
  readonly dataSchema: JsonSchema;
}
