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

/**
 * Feeds every integration event consumer from its queue (declared by RabbitMqTopology).
 * Each message ends in exactly one of three ways: processed (ack), failed for the n-th time
 * with n < MAX_DELIVERY_ATTEMPTS (rejected into the retry queue), or dead-lettered (copied to
 * the dead-letter queue, confirmed, then acked). Nothing is ever requeued in place, so a
 * message that keeps failing cannot spin.
 */
export class RabbitMqConsumers implements OnApplicationBootstrap {
  private readonly logger = new Logger(RabbitMqConsumers.name);

  constructor(
    private readonly connection: AmqpConnection,
    private readonly queuePrefix: string,
    private readonly consumers: IntegrationEventConsumers,
    private readonly dispatcher: IntegrationEventDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    for (const consumer of this.consumers.all()) this.subscribe(consumer);
  }

  /**
   * Consumes the main queue whenever the consumer channel is connected. The subscription
   * declares the queue too (idempotent, same options), as the topology may be declared on
   * the other channel a moment later. Not awaited: it settles only once the broker is there.
   */
  private subscribe(consumer: RegisteredConsumer): void {
    const queues = new ConsumerQueues(this.queuePrefix, consumer.name);
    void this.connection.createSubscriber(
      (_content, message) => this.onMessage(consumer, queues, message!),
      {
        queue: queues.main,
        queueOptions: { ...queues.mainOptions, channel: CONSUMER_CHANNEL },
        // The body is parsed in onMessage, so that a malformed one is dead-lettered, not requeued.
        deserializer: (content) => content,
        // Only reached if dead-lettering itself failed: let the retry queue bring it back.
        errorHandler: (channel, message) => channel.nack(message, false, false),
      },
      consumer.name,
    );
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
    try {
      await this.dispatcher.dispatch(consumer, event);
      return undefined;
    } catch (error) {
      const attempt = deliveryAttempt(message, queues.main);
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
