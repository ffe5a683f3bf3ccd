import { EntityManager, In, IsNull } from 'typeorm';
import { OutboxRecord } from './outbox.record';

/** Runs one statement against the outbox, with whichever connection the drain was given. */
export type OutboxStatement = <T>(statement: (manager: EntityManager) => Promise<T>) => Promise<T>;

/**
 * The exclusive right to deliver pending events for a while, and the two statements it takes.
 * Whoever holds a drain is the only one publishing, so the global `sequence` order - and with
 * it every aggregate's revision order - is the order events leave the service.
 */
export class OutboxDrain {
  constructor(
    private readonly execute: OutboxStatement,
    /** Gives the right up; always called, also after a failure. */
    readonly end: () => Promise<void>,
  ) {}

  /** The oldest events not yet delivered, in delivery order. */
  pending(limit: number): Promise<OutboxRecord[]> {
    return this.execute((manager) =>
      manager.find(OutboxRecord, {
        where: { publishedAt: IsNull() },
        order: { sequence: 'ASC' },
        take: limit,
      }),
    );
  }

  /**
   * Marks exactly these rows, by sequence. Not "everything up to the last sequence": a
   * transaction that drew a lower sequence may commit only now, and its event was not sent.
   */
  async markPublished(records: readonly OutboxRecord[], at: Date): Promise<void> {
    if (records.length === 0) return;
    await this.execute((manager) =>
      manager.update(
        OutboxRecord,
        { sequence: In(records.map((record) => record.sequence)) },
        { publishedAt: at },
      ),
    );
  }
}
