import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Provider } from '@nestjs/common';
import type { BrokerConfig } from '@servertree/platform';
import { IntegrationEventConsumers } from '../consumers/integration-event-consumers';
import { IntegrationEventDispatcher } from '../consumers/integration-event-dispatcher';
import { EventTransport } from '../event-transport';
import { connectToRabbitMq } from './connect-to-rabbitmq';
import { RabbitMqConsumers } from './rabbitmq-consumers';
import { RabbitMqShutdown } from './rabbitmq-shutdown';
import { RabbitMqTopology } from './rabbitmq-topology';
import { RabbitMqTransport } from './rabbitmq.transport';

/** Delivery through RabbitMQ (RABBITMQ_URL set): connection, topology, publisher, consumers. */
export function rabbitMqProviders(broker: BrokerConfig): Provider[] {
  return [
    { provide: AmqpConnection, useFactory: () => connectToRabbitMq(broker.urls) },
    {
      provide: RabbitMqTopology,
      useFactory: (connection: AmqpConnection, consumers: IntegrationEventConsumers) =>
        new RabbitMqTopology(connection, broker, consumers),
      inject: [AmqpConnection, IntegrationEventConsumers],
    },
    {
      provide: EventTransport,
      useFactory: (connection: AmqpConnection, topology: RabbitMqTopology) =>
        new RabbitMqTransport(connection, broker.exchange, topology),
      inject: [AmqpConnection, RabbitMqTopology],
    },
    {
      provide: RabbitMqConsumers,
      useFactory: (
        connection: AmqpConnection,
        topology: RabbitMqTopology,
        consumers: IntegrationEventConsumers,
        dispatcher: IntegrationEventDispatcher,
      ) => new RabbitMqConsumers(connection, topology, broker.queuePrefix, consumers, dispatcher),
      inject: [
        AmqpConnection,
        RabbitMqTopology,
        IntegrationEventConsumers,
        IntegrationEventDispatcher,
      ],
    },
    {
      provide: RabbitMqShutdown,
      useFactory: (connection: AmqpConnection, consumers: RabbitMqConsumers) =>
        new RabbitMqShutdown(connection, consumers),
      inject: [AmqpConnection, RabbitMqConsumers],
    },
  ];
}
