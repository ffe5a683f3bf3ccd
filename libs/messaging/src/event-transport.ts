import type { OutboxRecord } from './outbox/outbox.record';

/** What a transport made of a batch. */
export interface Delivery {
  /**
   * How many events, counted from the start of the batch, the transport has safely taken
   * over. Only these may be marked published: a gap would let a later revision overtake an
   * earlier one of the same aggregate.
   */
  readonly confirmed: number;
  /** Why the rest of the batch was not confirmed, when it was not. */
  readonly failure?: unknown;
}

/**
 * Where published events go: RabbitMQ, or this process's own consumers when no broker is
 * configured. The outbox relay is the only caller; it never needs to know which one it has.
 */
export abstract class EventTransport {
  /** A short name for logs and health checks. */
  abstract readonly name: string;

  /**
   * Sends the stored events, as CloudEvents, in the given order and waits for them to be taken
   * over. Never rejects: anything that went wrong is reported as a `Delivery` that confirms
   * fewer events. Each transport gives the events the form it sends: parsed for this process's
   * consumers, JSON text built once for the broker.
   *
   * The relay hands over the next batch before this one is confirmed: a call's events go out
   * after those of every earlier call, and the relay marks none of them once an earlier one
   * failed (a transport that can hold them back does: ADR 3).
   */
  abstract publish(records: readonly OutboxRecord[]): Promise<Delivery>;

  /** False while the transport certainly cannot deliver (broker unreachable). */
  abstract isReachable(): boolean;

  /**
   * Since when (epoch ms) the transport has been unable to deliver, undefined while it can.
   * Readiness tolerates a short outage: the outbox keeps the events meanwhile.
   */
  unreachableSince(): number | undefined {
    return undefined;
  }
}
