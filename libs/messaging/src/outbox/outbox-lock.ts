import type { OutboxDrain } from './outbox-drain';

/**
 * The stored events still to be delivered (`outbox` rows without `published_at`), as
 * the relay sees them. Draining is exclusive across every process that shares the database.
 */
export abstract class OutboxLock {
  /** A drain, or undefined when another relay is draining right now (it delivers these too). */
  abstract beginDrain(): Promise<OutboxDrain | undefined>;
}
