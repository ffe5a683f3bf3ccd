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
 * Failed attempts carried over by a copy the consumer itself sent round the retry queue (see
 * RabbitMqConsumers: a failure of the infrastructure, not of the message). Our own header, not
 * `x-death`: `x-` headers belong to the broker, and RabbitMQ 4 no longer counts on from an
 * `x-death` a client published (3.x did).
 */
export const CARRIED_FAILURES_HEADER = 'servertree-failed-attempts';

/**
 * Which attempt at this message the consumer of `queue` is making, 1 for the first: each
 * earlier failure dead-lettered it from that queue, which RabbitMQ has counted for us, plus
 * those a copy carried over.
 */
export function deliveryAttempt(message: ConsumeMessage, queue: string): number {
  const headers = message.properties.headers ?? {};
  const deaths = (headers['x-death'] ?? []) as DeathRecord[];
  const carried = Number(headers[CARRIED_FAILURES_HEADER] ?? 0);
  return (
    deaths
      .filter((death) => death.queue === queue && FAILED_ATTEMPT.has(death.reason ?? ''))
      .reduce((failures, death) => failures + Number(death.count ?? 0), 0) +
    (Number.isSafeInteger(carried) && carried > 0 ? carried : 0) +
    1
  );
}

/**
 * The headers for a copy of `message` that carries its failed attempts so far (`attempt - 1`)
 * itself: without the broker's death records, which RabbitMQ 3.x would go on counting (twice,
 * with the carried number) and 4.x would drop.
 */
export function headersCarryingFailures(
  message: ConsumeMessage,
  attempt: number,
): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.properties.headers ?? {})) {
    if (name !== 'x-death' && !/^x-(first|last)-death-/.test(name)) headers[name] = value;
  }
  headers[CARRIED_FAILURES_HEADER] = attempt - 1;
  return headers;
}
