import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { CloudEvent } from '@servertree/messaging';
import { ConsumerQueues, IntegrationEventConsumers } from '@servertree/messaging';
import { Channel, ChannelModel, connect, ConsumeMessage, MessageProperties } from 'amqplib';

/** The RabbitMQ the tests use; TEST_RABBITMQ_URL points elsewhere. */
export const TEST_RABBITMQ_URL =
  process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export interface ReceivedMessage {
  /** Epoch milliseconds at arrival. */
  readonly receivedAt: number;
  readonly routingKey: string;
  readonly properties: MessageProperties;
  readonly event: CloudEvent;
}

/**
 * A test file's own corner of the shared broker: a unique exchange and queue prefix, passed to
 * the app through its environment, and deleted again at the end.
 */
export class TestBroker {
  readonly exchange: string;
  readonly queuePrefix: string;
  private readonly queues = new Set<string>();

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
    name: string,
  ) {
    const unique = `${name}.${Date.now()}.${randomBytes(3).toString('hex')}`;
    this.exchange = `test.${unique}.events`;
    this.queuePrefix = `test.${unique}`;
  }

  static async create(name: string): Promise<TestBroker> {
    const connection = await connect(TEST_RABBITMQ_URL);
    const channel = await connection.createChannel();
    const broker = new TestBroker(connection, channel, name);
    // The app declares it too; declaring it here lets a test bind before the app connected.
    await channel.assertExchange(broker.exchange, 'topic', { durable: true });
    return broker;
  }

  /** Environment for startTestApp; `url` replaces the broker's address (e.g. a TcpProxy). */
  env(url = TEST_RABBITMQ_URL): Record<string, string> {
    return {
      RABBITMQ_URL: url,
      RABBITMQ_EXCHANGE: this.exchange,
      RABBITMQ_QUEUE_PREFIX: this.queuePrefix,
    };
  }

  /** A fresh queue bound to the exchange that records every message it receives. */
  async listen(bindingKey = '#'): Promise<TestQueue> {
    const { queue } = await this.channel.assertQueue('', { exclusive: true, autoDelete: true });
    await this.channel.bindQueue(queue, this.exchange, bindingKey);
    const received = new TestQueue();
    await this.channel.consume(queue, (message) => message && received.add(message), {
      noAck: true,
    });
    return received;
  }

  /**
   * Makes the broker nack every publish routed with `bindingKey`: a queue that holds nothing
   * (`x-max-length` 0) and rejects what overflows it. Resolves to the function that deletes it.
   */
  async refuse(bindingKey: string): Promise<() => Promise<void>> {
    const { queue } = await this.channel.assertQueue('', {
      exclusive: true,
      arguments: { 'x-max-length': 0, 'x-overflow': 'reject-publish' },
    });
    await this.channel.bindQueue(queue, this.exchange, bindingKey);
    return async () => {
      await this.channel.deleteQueue(queue);
    };
  }

  /** Publishes raw bytes as if some service had, e.g. a duplicate or a poison message. */
  async publish(routingKey: string, content: Buffer | object, messageId = 'test'): Promise<void> {
    const body = Buffer.isBuffer(content) ? content : Buffer.from(JSON.stringify(content));
    this.channel.publish(this.exchange, routingKey, body, { persistent: true, messageId });
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** How many messages wait in a queue (undefined if it does not exist). */
  async depth(queue: string): Promise<number | undefined> {
    const probe = await this.connection.createChannel();
    probe.on('error', () => undefined); // checkQueue on a missing queue closes the channel
    try {
      return (await probe.checkQueue(queue)).messageCount;
    } catch {
      return undefined;
    } finally {
      await probe.close().catch(() => undefined);
    }
  }

  /** Remembers the queues of an app's consumers, to be deleted by cleanUp. */
  adoptConsumerQueuesOf(app: INestApplicationContext): void {
    this.adoptConsumerQueues(
      app
        .get(IntegrationEventConsumers)
        .all()
        .map(({ name }) => name),
    );
  }

  /** The same for a service running in another process, by its consumers' names. */
  adoptConsumerQueues(consumerNames: readonly string[]): void {
    for (const name of consumerNames) {
      const queues = new ConsumerQueues(this.queuePrefix, name);
      for (const queue of [queues.main, queues.retry, queues.deadLetter]) this.queues.add(queue);
    }
  }

  async cleanUp(): Promise<void> {
    for (const queue of this.queues) await this.channel.deleteQueue(queue);
    await this.channel.deleteExchange(this.exchange);
    await this.connection.close();
  }
}

/** What arrived on a test queue, in arrival order. */
export class TestQueue {
  readonly messages: ReceivedMessage[] = [];
  private readonly waiters = new Set<() => void>();

  add(message: ConsumeMessage): void {
    this.messages.push({
      receivedAt: Date.now(),
      routingKey: message.fields.routingKey,
      properties: message.properties,
      event: JSON.parse(message.content.toString('utf8')),
    });
    for (const waiter of this.waiters) waiter();
  }

  /** The events received so far. */
  get events(): CloudEvent[] {
    return this.messages.map((message) => message.event);
  }

  /** Resolves once `predicate` holds for the messages received, or fails after the timeout. */
  async until(
    predicate: (messages: readonly ReceivedMessage[]) => boolean,
    timeoutMs = 10_000,
  ): Promise<ReceivedMessage[]> {
    if (predicate(this.messages)) return this.messages;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out with ${this.messages.length} messages received`));
      }, timeoutMs);
      const check = () => {
        if (!predicate(this.messages)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
    return this.messages;
  }

  /** Resolves once `count` messages have arrived. */
  atLeast(count: number, timeoutMs?: number): Promise<ReceivedMessage[]> {
    return this.until((messages) => messages.length >= count, timeoutMs);
  }
}
