import type { Channel, Options } from 'amqplib';

/** How long a failed message waits before its next attempt. */
export const RETRY_DELAY_MS = 1_000;

/**
 * The three queues of one consumer, all durable:
 * - `<prefix>.<consumer>`, bound to the exchange, is where the consumer reads;
 * - `.retry` receives what the consumer rejected, holds it for RETRY_DELAY_MS and
 *   dead-letters it back to the main queue through the default exchange (RabbitMQ counts
 *   each rejection in the message's `x-death` header);
 * - `.dead_letter` keeps what failed MAX_DELIVERY_ATTEMPTS times, for a human to inspect
 *   and, once the cause is fixed, move back (e.g. with a shovel).
 *
 * Queue arguments are fixed once declared; changing them means deleting the queues first.
 */
export class ConsumerQueues {
  readonly main: string;
  readonly retry: string;
  readonly deadLetter: string;

  constructor(prefix: string, consumer: string) {
    this.main = `${prefix}.${consumer}`;
    this.retry = `${this.main}.retry`;
    this.deadLetter = `${this.main}.dead_letter`;
  }

  /** The main queue's options: rejected messages go to the retry queue. */
  get mainOptions(): Options.AssertQueue {
    return {
      durable: true,
      arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': this.retry },
    };
  }

  async declare(channel: Channel): Promise<void> {
    await channel.assertQueue(this.main, this.mainOptions);
    await channel.assertQueue(this.retry, {
      durable: true,
      arguments: {
        'x-message-ttl': RETRY_DELAY_MS,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': this.main,
      },
    });
    await channel.assertQueue(this.deadLetter, { durable: true });
  }
}
