import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Channel } from 'amqplib';
import type { BrokerConfig } from '@servertree/platform';
import { IntegrationEventConsumers } from '../consumers/integration-event-consumers';
import { ConsumerQueues } from './consumer-queues';

/**
 * Everything the service declares on the broker, so nobody has to do it by hand: the topic
 * exchange, and for each of its own consumers the three queues with their bindings. Declared
 * on every (re)connect - a broker that lost its state is set up again - and before anything
 * is published on that connection: an event published while a consumer queue is not bound
 * yet would be lost to that consumer.
 */
export class RabbitMqTopology implements OnApplicationBootstrap {
  private declared = false;
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
      await queues.declare(channel);
      for (const routingKey of consumer.routingKeys) {
        await channel.bindQueue(queues.main, this.broker.exchange, routingKey);
      }
    }
    this.declared = true;
    this.downSince = undefined;
  }
}
