import type { ConsumeMessage } from 'amqplib';

/** One entry of the `x-death` header RabbitMQ adds each time it dead-letters a message. */
interface DeathRecord {
  readonly queue?: string;
  readonly reason?: string;
  readonly count?: number;
}

/**
 * Which attempt at this message the consumer of `queue` is making, 1 for the first: each
 * earlier failure was a rejection from that queue, which RabbitMQ has counted for us.
 */
export function deliveryAttempt(message: ConsumeMessage, queue: string): number {
  const deaths = (message.properties.headers?.['x-death'] ?? []) as DeathRecord[];
  const rejections = deaths.find((death) => death.queue === queue && death.reason === 'rejected');
  return Number(rejections?.count ?? 0) + 1;
}
