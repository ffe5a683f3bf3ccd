import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';

/**
 * The channel consumers receive on. Publishing stays on the default channel, so the broker's
 * flow control on a busy consumer never holds back the relay.
 */
export const CONSUMER_CHANNEL = 'consumers';

/**
 * Unacknowledged messages the broker sends a consumer ahead of its acks: RabbitMQ's advice
 * for quorum queues is 100-300; the low end, as each consumer handles one message at a time
 * anyway (RabbitMqConsumers) and a deeper buffer only delays a handover when an instance dies.
 */
export const CONSUMER_PREFETCH = 100;

/**
 * Opens the managed connection without waiting for the broker: the service starts, and takes
 * writes, while RabbitMQ is away. The connection reconnects by itself, going round the
 * cluster's nodes in the order given (amqp-connection-manager tries the next URL after a
 * failure); channel setups (the topology, the consumers) run again on every reconnect.
 *
 * Built directly rather than through `RabbitMQModule.forRoot`, whose connections live in a
 * process-wide registry that any one application's shutdown closes entirely; several instances
 * share a process in the tests and the benchmark, and shutdown order matters (ADR 3, ADR 17).
 */
export async function connectToRabbitMq(urls: readonly string[]): Promise<AmqpConnection> {
  const connection = new AmqpConnection({
    uri: [...urls],
    channels: { [CONSUMER_CHANNEL]: { prefetchCount: CONSUMER_PREFETCH } },
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
