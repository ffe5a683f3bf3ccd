import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  ConsumerSubscription,
  IntegrationEventConsumer,
  IntegrationEventHandler,
} from './integration-event-consumer';
import { matchesTopic } from './topic-pattern';

export interface RegisteredConsumer extends ConsumerSubscription {
  readonly handler: IntegrationEventHandler;
}

/** Names become queue names; keep them to characters every broker and log reads plainly. */
const CONSUMER_NAME = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/** Every provider marked @IntegrationEventConsumer, found once at start. */
@Injectable()
export class IntegrationEventConsumers implements OnModuleInit {
  private registered: readonly RegisteredConsumer[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.registered = this.discovery
      .getProviders({ metadataKey: IntegrationEventConsumer.KEY })
      .map((wrapper) => ({
        ...this.discovery.getMetadataByDecorator(IntegrationEventConsumer, wrapper)!,
        handler: wrapper.instance as IntegrationEventHandler,
      }));
    assertDistinctValidNames(this.registered);
  }

  all(): readonly RegisteredConsumer[] {
    return this.registered;
  }

  /** The consumers whose subscription covers events of this type. */
  interestedIn(type: string): readonly RegisteredConsumer[] {
    return this.registered.filter((consumer) =>
      consumer.routingKeys.some((pattern) => matchesTopic(pattern, type)),
    );
  }
}

/** Two consumers sharing a name would share a queue and steal each other's messages. */
function assertDistinctValidNames(consumers: readonly RegisteredConsumer[]): void {
  const seen = new Set<string>();
  for (const { name } of consumers) {
    if (!CONSUMER_NAME.test(name))
      throw new Error(`consumer name "${name}" must match ${CONSUMER_NAME}`);
    if (seen.has(name)) throw new Error(`two integration event consumers are named "${name}"`);
    seen.add(name);
  }
}
