import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import type { BrokerConfig } from '../../config/app-config';

/**
 * The channel consumers receive on. Publishing stays on the default channel, so the broker's
 * flow control on a busy consumer never holds back the relay. Prefetch 1: a consumer handles
 * one message at a time, in queue order.
 */
export const CONSUMER_CHANNEL = 'consumers';

/**
 * Opens the managed connection without waiting for the broker: the service starts, and takes
 * writes, while RabbitMQ is away. The connection reconnects by itself and, on every connect,
 * declares the topology again - the exchange here, each consumer's queues where they are
 * subscribed - so a broker that lost its state is set up again without anyone's help.
 *
 * Built directly rather than through `RabbitMQModule.forRoot`, whose connections live in a
 * process-wide registry that any one application's shutdown closes entirely; several instances
 * share a process in the tests and the benchmark, and shutdown order matters (ADR 3).
 */
export async function connectToRabbitMq(broker: BrokerConfig): Promise<AmqpConnection> {
  const connection = new AmqpConnection({
    uri: broker.url,
    exchanges: [{ name: broker.exchange, type: 'topic', options: { durable: true } }],
    channels: { [CONSUMER_CHANNEL]: { prefetchCount: 1 } },
    connectionInitOptions: { wait: false },
    connectionManagerOptions: { reconnectTimeInSeconds: 1, heartbeatIntervalInSeconds: 5 },
    enableDirectReplyTo: false,
    registerHandlers: false,
  });
  await connection.init();
  return connection;
}
