import { AmqpConnection, Nack } from '@golevelup/nestjs-rabbitmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Channel, ConsumeMessage } from 'amqplib';
import type { BrokerConfig } from '../../config/app-config';
import { MAX_DELIVERY_ATTEMPTS } from '../consumers/delivery-policy';
import {
  IntegrationEventConsumers,
  RegisteredConsumer,
} from '../consumers/integration-event-consumers';
import { IntegrationEventDispatcher } from '../consumers/integration-event-dispatcher';
import { parseCloudEvent } from './cloud-event.parser';
import { CONSUMER_CHANNEL } from './connect-to-rabbitmq';
import { ConsumerQueues, RETRY_DELAY_MS } from './consumer-queues';
import { deliveryAttempt } from './delivery-attempt';

/**
 * Gives every integration event consumer its queues on RabbitMQ and feeds it from them.
 * Each message ends in exactly one of three ways: processed (ack), failed for the n-th time
 * with n < MAX_DELIVERY_ATTEMPTS (rejected into the retry queue), or dead-lettered (copied to
 * the dead-letter queue, confirmed, then acked). Nothing is ever requeued in place, so a
 * message that keeps failing cannot spin.
 */
export class RabbitMqConsumers implements OnApplicationBootstrap {
  private readonly logger = new Logger(RabbitMqConsumers.name);

  constructor(
    private readonly connection: AmqpConnection,
    private readonly broker: BrokerConfig,
    private readonly consumers: IntegrationEventConsumers,
    private readonly dispatcher: IntegrationEventDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    for (const consumer of this.consumers.all()) this.subscribe(consumer);
  }

  /**
   * Both calls register channel setups, which run now if the broker is there and again after
   * every reconnect; their promises settle only once the broker has been reached, so they are
   * not awaited - the service must start without it.
   */
  private subscribe(consumer: RegisteredConsumer): void {
    const queues = new ConsumerQueues(this.broker.queuePrefix, consumer.name);
    void this.connection.managedChannels[CONSUMER_CHANNEL].addSetup((channel: Channel) =>
      queues.declareSideQueues(channel),
    );
    void this.connection.createSubscriber(
      (_content, message) => this.onMessage(consumer, queues, message!),
      {
        exchange: this.broker.exchange,
        routingKey: [...consumer.routingKeys],
        queue: queues.main,
        queueOptions: { durable: true, arguments: queues.mainArguments, channel: CONSUMER_CHANNEL },
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
      return undefined;
    }
    try {
      await this.dispatcher.dispatch(consumer, event);
      return undefined;
    } catch (error) {
      const attempt = deliveryAttempt(message, queues.main);
      const failure = `${consumer.name} failed on ${event.type} ${event.id} (attempt ${attempt} of ${MAX_DELIVERY_ATTEMPTS}): ${describe(error)}`;
      if (attempt < MAX_DELIVERY_ATTEMPTS) {
        this.logger.warn(`${failure}; retrying in ${RETRY_DELAY_MS} ms`);
        return new Nack(false);
      }
      this.logger.error(`${failure}; moved to ${queues.deadLetter}`);
      await this.deadLetter(queues, message, describe(error));
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
