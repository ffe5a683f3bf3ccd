import type { Channel, Options } from 'amqplib';

/** How long a failed message waits before its next attempt. */
export const RETRY_DELAY_MS = 1_000;

/**
 * How often a quorum queue hands out a message that comes back unsettled (its consumer's
 * channel or process died, or it was requeued) before dead-lettering it. The consumer's own
 * failures never count here: they are rejected into the retry queue, which RabbitMQ counts in
 * `x-death` instead. So this only bounds a message that kills its consumer - 20 is RabbitMQ
 * 4's default, set explicitly because 3.x has none.
 */
export const QUEUE_DELIVERY_LIMIT = 20;

/**
 * Messages a queue holds at most. Past it the broker refuses new publishes (`reject-publish`):
 * the relay's confirm fails, the event stays in the outbox and is sent again once the
 * consumer caught up - nothing is dropped, unlike the default `drop-head`.
 */
export const QUEUE_MAX_LENGTH = 100_000;

/**
 * The three queues of one consumer, all quorum queues (replicated over the cluster's nodes,
 * so losing a node loses neither the queue nor its messages):
 * - `<prefix>.<consumer>`, bound to the exchange, is where the consumer reads;
 * - `.retry` receives what the consumer rejected, holds it for RETRY_DELAY_MS and
 *   dead-letters it back to the main queue through the default exchange (RabbitMQ counts
 *   each rejection in the message's `x-death` header);
 * - `.dead_letter` keeps what failed MAX_DELIVERY_ATTEMPTS times, for a human to inspect
 *   and, once the cause is fixed, move back (e.g. with a shovel).
 * Every hop between them is at-least-once dead-lettering: the source keeps a message until
 * the target queue has confirmed it (which needs `reject-publish` overflow).
 *
 * Queue type and arguments are fixed once declared: the classic queues of versions before
 * quorum queues cannot be redeclared in place (see RabbitMqTopology and README "Brokers").
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
    return quorumQueue(this.retry);
  }

  /** Each queue with its options, main queue first. */
  get all(): ReadonlyArray<readonly [string, Options.AssertQueue]> {
    return [
      [this.main, this.mainOptions],
      [this.retry, quorumQueue(this.main, { 'x-message-ttl': RETRY_DELAY_MS })],
      // A message an operator's tool returned too often goes to the back of the same queue
      // rather than being dropped: nothing leaves the dead-letter queue but by an ack.
      [this.deadLetter, quorumQueue(this.deadLetter)],
    ];
  }

  async declare(channel: Channel): Promise<void> {
    for (const [queue, options] of this.all) await channel.assertQueue(queue, options);
  }
}

function quorumQueue(
  deadLetterTo: string,
  extra: Record<string, unknown> = {},
): Options.AssertQueue {
  return {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': QUEUE_DELIVERY_LIMIT,
      'x-max-length': QUEUE_MAX_LENGTH,
      'x-overflow': 'reject-publish',
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': deadLetterTo,
      'x-dead-letter-strategy': 'at-least-once',
      ...extra,
    },
  };
}
