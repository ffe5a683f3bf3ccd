import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';

/**
 * The channel consumers receive on. Publishing stays on the default channel, so the broker's
 * flow control on a busy consumer never holds back the relay. Prefetch 1: a consumer handles
 * one message at a time, in queue order.
 */
export const CONSUMER_CHANNEL = 'consumers';

/**
 * Opens the managed connection without waiting for the broker: the service starts, and takes
 * writes, while RabbitMQ is away. The connection reconnects by itself; channel setups (the
 * topology, the consumers) run again on every reconnect.
 *
 * Built directly rather than through `RabbitMQModule.forRoot`, whose connections live in a
 * process-wide registry that any one application's shutdown closes entirely; several instances
 * share a process in the tests and the benchmark, and shutdown order matters (ADR 3).
 */
export async function connectToRabbitMq(url: string): Promise<AmqpConnection> {
  const connection = new AmqpConnection({
    uri: url,
    channels: { [CONSUMER_CHANNEL]: { prefetchCount: 1 } },
    connectionInitOptions: { wait: false },
    connectionManagerOptions: {
      reconnectTimeInSeconds: 1,
      heartbeatIntervalInSeconds: 5,
      // amqplib leaves Nagle's algorithm on: a publish's frames would wait for TCP acks and
      // add tens of milliseconds to an event's way to its subscribers.
      connectionOptions: { noDelay: true },
    },
    enableDirectReplyTo: false,
    registerHandlers: false,
  });
  await connection.init();
  return connection;
}
