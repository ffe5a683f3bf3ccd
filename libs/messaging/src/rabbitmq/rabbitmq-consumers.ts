import { AmqpConnection, Nack } from '@golevelup/nestjs-rabbitmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConsumeMessage } from 'amqplib';
import { Backoff } from '../backoff';
import { isInfrastructureFailure, MAX_DELIVERY_ATTEMPTS } from '../consumers/delivery-policy';
import {
  IntegrationEventConsumers,
  RegisteredConsumer,
} from '../consumers/integration-event-consumers';
import { IntegrationEventDispatcher } from '../consumers/integration-event-dispatcher';
import { errorMessage } from '../error-message';
import { parseCloudEvent } from './cloud-event.parser';
import { CONSUMER_CHANNEL } from './connect-to-rabbitmq';
import { ConsumerQueues, RETRY_DELAY_MS } from './consumer-queues';
import { deliveryAttempt, headersCarryingFailures } from './delivery-attempt';
import { RabbitMqTopology } from './rabbitmq-topology';

/** The first pause before a consumer whose database failed tries it again; it doubles from here. */
const DATABASE_RETRY_FIRST_MS = 1_000;
/** The longest such pause: a database that is back is used again within this. */
const DATABASE_RETRY_MAXIMUM_MS = 30_000;

/**
 * Feeds every integration event consumer from its queue (declared by RabbitMqTopology).
 * Each message ends in exactly one of four ways: processed (ack), failed for the n-th time
 * with n < MAX_DELIVERY_ATTEMPTS (rejected into the retry queue), dead-lettered (copied to
 * the dead-letter queue, confirmed, then acked), or sent round the retry queue uncounted because
 * the consumer's database is unreachable or busy (a copy carrying the attempts so far,
 * confirmed, then the original acked). Nothing is requeued in place on failure, so a message
 * that keeps failing cannot spin.
 *
 * While the database fails, the consumer tries it again only after a pause that doubles from
 * DATABASE_RETRY_FIRST_MS to DATABASE_RETRY_MAXIMUM_MS; meanwhile its messages go round the
 * retry queue untried (another instance, whose database answers, may take them), so an outage
 * costs one attempt per pause, not one per message, and uses up no message's attempts.
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
  /** Per consumer whose database failed: the pause before trying it again, and its end. */
  private readonly databaseOutages = new Map<string, { backoff: Backoff; untilMs: number }>();
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
    if (this.waitingForDatabase(consumer)) {
      await this.sendRoundUncounted(queues, message, attempt);
      this.dispatcher.count(consumer, 'retried');
      return undefined;
    }
    try {
      await this.dispatcher.dispatch(consumer, event);
      this.databaseOutages.delete(consumer.name);
      return undefined;
    } catch (error) {
      if (isInfrastructureFailure(error)) {
        const pauseMs = this.databaseFailed(consumer);
        this.logger.warn(
          `${consumer.name} could not use its database for ${event.type} ${event.id}: ` +
            `${errorMessage(error)}; not counted as an attempt, trying the database again in ${pauseMs} ms`,
        );
        await this.sendRoundUncounted(queues, message, attempt);
        this.dispatcher.count(consumer, 'retried');
        return undefined;
      }
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

  private waitingForDatabase(consumer: RegisteredConsumer): boolean {
    const outage = this.databaseOutages.get(consumer.name);
    return outage !== undefined && Date.now() < outage.untilMs;
  }

  /** Starts or lengthens the consumer's pause; answers how long it is. */
  private databaseFailed(consumer: RegisteredConsumer): number {
    const outage = this.databaseOutages.get(consumer.name) ?? {
      backoff: new Backoff(DATABASE_RETRY_FIRST_MS, DATABASE_RETRY_MAXIMUM_MS),
      untilMs: 0,
    };
    const pauseMs = outage.backoff.nextDelay();
    outage.untilMs = Date.now() + pauseMs;
    this.databaseOutages.set(consumer.name, outage);
    return pauseMs;
  }

  /**
   * Through the retry queue (back in RETRY_DELAY_MS) without a rejection, which RabbitMQ would
   * count: a copy carrying the failed attempts so far. Resolves once the broker has confirmed
   * the copy; only then is the original acked.
   */
  private async sendRoundUncounted(
    queues: ConsumerQueues,
    message: ConsumeMessage,
    attempt: number,
  ): Promise<void> {
    await this.connection.publish('', queues.retry, message.content, {
      persistent: true,
      contentType: message.properties.contentType,
      messageId: message.properties.messageId,
      headers: headersCarryingFailures(message, attempt),
    });
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
