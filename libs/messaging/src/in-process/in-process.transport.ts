import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import type { CloudEvent } from '../contracts/cloud-event';
import { isInfrastructureFailure, MAX_DELIVERY_ATTEMPTS } from '../consumers/delivery-policy';
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
  /** The batch being delivered, if any: the next one waits for it, so events stay in order. */
  private inProgress: Promise<Delivery> | undefined;

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

  /**
   * Handed over while the batch before is still being delivered, a batch waits for it, and is
   * refused whole if that one failed: its events must not overtake the one that failed.
   */
  publish(records: readonly OutboxRecord[]): Promise<Delivery> {
    const delivery = this.deliverAfter(this.inProgress, records);
    this.inProgress = delivery;
    void delivery.then(() => {
      if (this.inProgress === delivery) this.inProgress = undefined;
    });
    return delivery;
  }

  /**
   * A consumer that cannot use its database (unreachable, busy) stops the batch there, its
   * attempts at that event uncounted: the events before it count as delivered, and the relay
   * offers the rest again after its own backoff, as it does while a broker is away.
   */
  private async deliverAfter(
    before: Promise<Delivery> | undefined,
    records: readonly OutboxRecord[],
  ): Promise<Delivery> {
    const earlier = await before;
    if (earlier?.failure !== undefined) return { confirmed: 0, failure: earlier.failure };
    for (const [index, event] of records.map(toCloudEvent).entries()) {
      for (const consumer of this.consumers.interestedIn(event.type)) {
        try {
          await this.deliver(consumer, event);
        } catch (failure) {
          return { confirmed: index, failure };
        }
      }
    }
    return { confirmed: records.length };
  }

  /** Throws only an infrastructure failure; any other gives up after the last attempt. */
  private async deliver(consumer: RegisteredConsumer, event: CloudEvent): Promise<void> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      try {
        await this.dispatcher.dispatch(consumer, event);
        return;
      } catch (error) {
        if (isInfrastructureFailure(error)) throw error;
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
