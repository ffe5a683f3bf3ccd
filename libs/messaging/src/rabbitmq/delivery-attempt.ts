import type { ConsumeMessage } from 'amqplib';

/** One entry of the `x-death` header RabbitMQ adds each time it dead-letters a message. */
interface DeathRecord {
  readonly queue?: string;
  readonly reason?: string;
  readonly count?: number;
}

/**
 * Why a message left a queue that counts as a failed attempt: the consumer rejected it, or the
 * quorum queue gave up on it after QUEUE_DELIVERY_LIMIT unsettled returns.
 */
const FAILED_ATTEMPT = new Set(['rejected', 'delivery_limit']);

/**
 * Which attempt at this message the consumer of `queue` is making, 1 for the first: each
 * earlier failure dead-lettered it from that queue, which RabbitMQ has counted for us.
 */
export function deliveryAttempt(message: ConsumeMessage, queue: string): number {
  const deaths = (message.properties.headers?.['x-death'] ?? []) as DeathRecord[];
  return (
    deaths
      .filter((death) => death.queue === queue && FAILED_ATTEMPT.has(death.reason ?? ''))
      .reduce((failures, death) => failures + Number(death.count ?? 0), 0) + 1
  );
}
