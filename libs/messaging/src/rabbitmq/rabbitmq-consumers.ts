import { AmqpConnection, Nack } from '@golevelup/nestjs-rabbitmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConsumeMessage } from 'amqplib';
import { MAX_DELIVERY_ATTEMPTS } from '../consumers/delivery-policy';
import {
  IntegrationEventConsumers,
  RegisteredConsumer,
} from '../consumers/integration-event-consumers';
import { IntegrationEventDispatcher } from '../consumers/integration-event-dispatcher';
import { errorMessage } from '../error-message';
import { parseCloudEvent } from './cloud-event.parser';
import { CONSUMER_CHANNEL } from './connect-to-rabbitmq';
import { ConsumerQueues, RETRY_DELAY_MS } from './consumer-queues';
import { deliveryAttempt } from './delivery-attempt';
import { RabbitMqTopology } from './rabbitmq-topology';

/**
 * Feeds every integration event consumer from its queue (declared by RabbitMqTopology).
 * Each message ends in exactly one of three ways: processed (ack), failed for the n-th time
 * with n < MAX_DELIVERY_ATTEMPTS (rejected into the retry queue), or dead-lettered (copied to
 * the dead-letter queue, confirmed, then acked). Nothing is requeued in place on failure, so
 * a message that keeps failing cannot spin.
 *
 * The broker sends up to CONSUMER_PREFETCH messages ahead, but each consumer handles them one
 * at a time, in queue order: a handler runs a database transaction, and a hundred at once
 * would take the pool from the HTTP requests and turn every pair of events touching the same
 * aggregate into a conflict to retry.
 */
export class RabbitMqConsumers implements OnApplicationBootstrap {
  private readonly logger = new Logger(RabbitMqConsumers.name);
  /** Per consumer, the message being handled; the next one waits for it. */
  private readonly turns = new Map<string, Promise<unknown>>();
  private stopping = false;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly topology: RabbitMqTopology,
    private readonly queuePrefix: string,
    private readonly consumers: IntegrationEventConsumers,
    private readonly dispatcher: IntegrationEventDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    void this.topology.firstDeclared.then(() => {
      for (const consumer of this.consumers.all()) this.subscribe(consumer);
    });
  }

  /**
   * Shutdown has begun: messages still waiting for their turn go back to the queue (another
   * instance takes them) instead of holding the shutdown up; the one in hand finishes.
   */
  stop(): void {
    this.stopping = true;
  }

  /**
   * Consumes the main queue whenever the consumer channel is connected (again after every
   * reconnect). The subscription declares the queue too (idempotent, same options): after a
   * reconnect the topology may be declared on the other channel a moment later. Not awaited:
   * it settles only once the broker is there.
   */
  private subscribe(consumer: RegisteredConsumer): void {
    const queues = new ConsumerQueues(this.queuePrefix, consumer.name);
    void this.connection.createSubscriber(
      (_content, message) =>
        this.inTurn(consumer, () => this.onMessage(consumer, queues, message!)),
      {
        queue: queues.main,
        queueOptions: { ...queues.mainOptions, channel: CONSUMER_CHANNEL },
        // The body is parsed in onMessage, so that a malformed one is dead-lettered, not requeued.
        deserializer: (content) => content,
        // Reached if dead-lettering failed (let the retry queue bring the message back), or if
        // settling it failed because the channel died with its node. Then there is nothing to
        // settle - the broker returns the message to the queue itself - and throwing here
        // would be an unhandled rejection that takes the whole process down (measured by
        // npm run test:cluster when a broker node was killed).
        errorHandler: (channel, message) => {
          try {
            channel.nack(message, false, false);
          } catch {
            this.logger.warn(`${consumer.name}: channel closed, the broker redelivers the message`);
          }
        },
      },
      consumer.name,
    );
  }

  private inTurn(
    consumer: RegisteredConsumer,
    handle: () => Promise<Nack | undefined>,
  ): Promise<Nack | undefined> {
    const previous = this.turns.get(consumer.name) ?? Promise.resolve();
    const mine = previous.then(() => (this.stopping ? new Nack(true) : handle()));
    this.turns.set(
      consumer.name,
      mine.catch(() => undefined),
    );
    return mine;
  }

  private async onMessage(
    consumer: RegisteredConsumer,
    queues: ConsumerQueues,
    message: ConsumeMessage,
  ): Promise<Nack | undefined> {
    const event = parseCloudEvent(message.content);
    if (!event) {
      this.logger.error(
        `${consumer.name}: message ${message.properties.messageId} is not a CloudEvent`,
      );
      await this.deadLetter(queues, message, 'not a CloudEvent');
      this.dispatcher.count(consumer, 'dead_lettered');
      return undefined;
    }
    const attempt = deliveryAttempt(message, queues.main);
    if (attempt > MAX_DELIVERY_ATTEMPTS) {
      // Only reached by a message that came back unsettled too often (it kills its consumer).
      this.logger.error(
        `${consumer.name}: ${event.type} ${event.id} moved to ${queues.deadLetter}`,
      );
      await this.deadLetter(queues, message, `returned unsettled ${attempt - 1} times`);
      return undefined;
    }
    try {
      await this.dispatcher.dispatch(consumer, event);
      return undefined;
    } catch (error) {
      const failure = `${consumer.name} failed on ${event.type} ${event.id} (attempt ${attempt} of ${MAX_DELIVERY_ATTEMPTS}): ${errorMessage(error)}`;
      if (attempt < MAX_DELIVERY_ATTEMPTS) {
        this.logger.warn(`${failure}; retrying in ${RETRY_DELAY_MS} ms`);
        this.dispatcher.count(consumer, 'retried');
        return new Nack(false);
      }
      this.logger.error(`${failure}; moved to ${queues.deadLetter}`);
      await this.deadLetter(queues, message, errorMessage(error));
      this.dispatcher.count(consumer, 'dead_lettered');
      return undefined;
    }
  }

  /** Resolves once the broker has confirmed the copy; only then is the original acked. */
  private async deadLetter(
    queues: ConsumerQueues,
    message: ConsumeMessage,
    reason: string,
  ): Promise<void> {
    await this.connection.publish('', queues.deadLetter, message.content, {
      persistent: true,
      contentType: message.properties.contentType,
      messageId: message.properties.messageId,
      headers: { ...message.properties.headers, 'x-failure-reason': reason.slice(0, 1_000) },
    });
  }
}
