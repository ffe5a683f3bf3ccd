import { DiscoveryService } from '@nestjs/core';
import type { CloudEvent } from '../contracts/cloud-event';

/** What a consumer wants to hear about. */
export interface ConsumerSubscription {
  /**
   * Stable name, e.g. `servers.application-discarded`. It names the consumer's queue and its
   * inbox rows: renaming it starts a new consumer with an empty queue.
   */
  readonly name: string;
  /** Routing keys or topic patterns (`*` one word, `#` any number of words). */
  readonly routingKeys: readonly string[];
  /**
   * `one` (default): the handler's commands and the inbox row commit together - at most once,
   * whatever the handler does. `per-command`: each command the handler sends commits (and is
   * retried on a conflict) on its own, the inbox row only after the handler returned; a
   * redelivery after a partial run runs the handler again, so its commands must change nothing
   * the second time. For handlers fanning out to many aggregates, where one transaction over
   * all of them loses to concurrent writers on a cluster (ADR 3).
   */
  readonly transactions?: 'one' | 'per-command';
}

/**
 * Reacts to published events - another module's or its own - through the durable path: the
 * event was stored with the change that caused it, so the reaction survives crashes and broker
 * outages. Each event reaches the handler at most once per consumer (see the dispatcher), in
 * the transaction of the commands it sends, unless it asks for `per-command`; a handler that throws is retried, and dead-lettered
 * after MAX_DELIVERY_ATTEMPTS.
 */
export interface IntegrationEventHandler {
  handle(event: CloudEvent): Promise<void>;
}

/**
 * Marks a provider as an integration event handler:
 * `@IntegrationEventConsumer({ name: 'servers.application-discarded', routingKeys: [...] })`.
 * Discovered at start; the transport then declares and binds its queue.
 */
export const IntegrationEventConsumer = DiscoveryService.createDecorator<ConsumerSubscription>();
