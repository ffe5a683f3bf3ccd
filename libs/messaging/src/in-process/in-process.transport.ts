import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import type { CloudEvent } from '../contracts/cloud-event';
import { MAX_DELIVERY_ATTEMPTS } from '../consumers/delivery-policy';
import {
  IntegrationEventConsumers,
  RegisteredConsumer,
} from '../consumers/integration-event-consumers';
import { IntegrationEventDispatcher } from '../consumers/integration-event-dispatcher';
import { errorMessage } from '../error-message';
import { Delivery, EventTransport } from '../event-transport';
import { toCloudEvent } from '../outbox/cloud-event.mapper';
import type { OutboxRecord } from '../outbox/outbox.record';

/** Pause before attempt n+1 is n times this: short, because the relay waits meanwhile. */
const RETRY_STEP_MS = 100;

/**
 * Delivery without a broker (RABBITMQ_URL not set, development only): each event goes straight
 * to this process's consumers, in order, with the broker path's retry policy. An event counts
 * as delivered once every consumer has processed it or given up on it, so a crash in between
 * delivers it again and the inbox skips what was done. No other service hears anything.
 */
@Injectable()
export class InProcessTransport extends EventTransport implements OnApplicationBootstrap {
  readonly name = 'in-process';
  private readonly logger = new Logger('Messaging');

  constructor(
    private readonly consumers: IntegrationEventConsumers,
    private readonly dispatcher: IntegrationEventDispatcher,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.logger.warn('RABBITMQ_URL not set: events are stored and delivered in-process only');
  }

  isReachable(): boolean {
    return true;
  }

  async publish(records: readonly OutboxRecord[]): Promise<Delivery> {
    for (const event of records.map(toCloudEvent)) {
      for (const consumer of this.consumers.interestedIn(event.type)) {
        await this.deliver(consumer, event);
      }
    }
    return { confirmed: records.length };
  }

  private async deliver(consumer: RegisteredConsumer, event: CloudEvent): Promise<void> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      try {
        await this.dispatcher.dispatch(consumer, event);
        return;
      } catch (error) {
        lastError = error;
        if (attempt < MAX_DELIVERY_ATTEMPTS) {
          this.dispatcher.count(consumer, 'retried');
          await delay(RETRY_STEP_MS * attempt);
        }
      }
    }
    // No dead-letter queue here: the log line is the dead letter, with all it takes to replay it.
    this.dispatcher.count(consumer, 'dead_lettered');
    this.logger.error(
      `${consumer.name} failed on ${event.type} ${event.id} ${MAX_DELIVERY_ATTEMPTS} times, ` +
        `giving up: ${errorMessage(lastError)}; ` +
        `event: ${JSON.stringify(event)}`,
    );
  }
}
