import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Channel } from 'amqplib';
import type { BrokerConfig } from '@servertree/platform';
import { IntegrationEventConsumers } from '../consumers/integration-event-consumers';
import { errorMessage } from '../error-message';
import { ConsumerQueues } from './consumer-queues';

/** AMQP's reply code for a redeclaration with other arguments than the existing queue's. */
const PRECONDITION_FAILED = 406;

/**
 * Everything the service declares on the broker, so nobody has to do it by hand: the topic
 * exchange, and for each of its own consumers the three quorum queues with their bindings.
 * Declared on every (re)connect - a broker that lost its state, or another node of the
 * cluster, is set up again - and before anything is published on that connection: an event
 * published while a consumer queue is not bound yet would be lost to that consumer.
 */
export class RabbitMqTopology implements OnApplicationBootstrap {
  private readonly logger = new Logger(RabbitMqTopology.name);
  private declared = false;
  private announceDeclared!: () => void;
  /**
   * Settles the first time the whole topology stands. Consumers subscribe only then: declaring
   * a queue left with other arguments would fail on their channel too, and nothing is to be
   * consumed from queues the service refuses.
   */
  readonly firstDeclared = new Promise<void>((resolve) => (this.announceDeclared = resolve));
  /** Unreachable from the start until the first declaration, and after each disconnect. */
  private downSince: number | undefined = Date.now();

  constructor(
    private readonly connection: AmqpConnection,
    private readonly broker: BrokerConfig,
    private readonly consumers: IntegrationEventConsumers,
  ) {}

  /** Whether the topology stands on the current connection; publishing waits for it. */
  isDeclared(): boolean {
    return this.declared && this.connection.connected;
  }

  unreachableSince(): number | undefined {
    return this.isDeclared() ? undefined : (this.downSince ?? Date.now());
  }

  onApplicationBootstrap(): void {
    this.connection.managedConnection.on('disconnect', () => {
      this.declared = false;
      this.downSince ??= Date.now();
    });
    // A channel setup: runs now if connected, and again after every reconnect. Not awaited,
    // because it settles only once the broker has been reached.
    void this.connection.managedChannel.addSetup((channel: Channel) => this.declare(channel));
  }

  private async declare(channel: Channel): Promise<void> {
    await channel.assertExchange(this.broker.exchange, 'topic', { durable: true });
    for (const consumer of this.consumers.all()) {
      const queues = new ConsumerQueues(this.broker.queuePrefix, consumer.name);
      if (!(await this.declareQueues(queues))) return;
      for (const routingKey of consumer.routingKeys) {
        await channel.bindQueue(queues.main, this.broker.exchange, routingKey);
      }
    }
    this.declared = true;
    this.downSince = undefined;
    this.announceDeclared();
  }

  /**
   * Declares the queues on a channel of their own: a queue left by an earlier version with
   * other arguments (the classic queues before quorum queues) makes the broker close the
   * channel, and the publishing channel must survive that. Such a queue cannot be converted
   * in place, and deleting it would delete the messages in it; so the service says so and
   * publishes nothing (the outbox keeps every event) until an operator has migrated it.
   */
  private async declareQueues(queues: ConsumerQueues): Promise<boolean> {
    const connection = this.connection.managedConnection.connection;
    if (!connection) throw new Error('RabbitMQ connection lost while declaring the topology');
    const channel = await connection.createChannel();
    channel.on('error', () => undefined); // the rejection below carries the same error
    try {
      await queues.declare(channel);
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code !== PRECONDITION_FAILED) throw error;
      this.logger.error(
        `queue ${queues.main} (or its .retry/.dead_letter) exists with other arguments - ` +
          `a classic queue of an earlier version? Quorum queues cannot replace it in place: ` +
          `migrate it as README "Brokers" describes, then restart. No event is published ` +
          `until then; the outbox keeps them. Broker said: ${errorMessage(error)}`,
      );
      return false;
    } finally {
      await channel.close().catch(() => undefined);
    }
  }
}
