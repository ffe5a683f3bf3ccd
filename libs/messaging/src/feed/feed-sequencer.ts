import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { UnitOfWork } from '@servertree/platform';
import { BackgroundLoop } from '../background-loop';

/** Rows positioned per transaction: keeps the feed_head lock short under a backlog. */
const BATCH_SIZE = 1000;

/** The bound on positioning rows committed by other instances (and on recovering from errors). */
const POLL_INTERVAL_MS = 250;

type Listener = () => void;

/**
 * Gives committed outbox rows their change-feed position (docs/adr/0016-feed-webhooks.md). Positions follow visibility,
 * not insertion: a transaction that drew `sequence` 100 and commits after 101 is positioned
 * after it, so a reader that remembers the last position it saw never skips an event.
 *
 * One short transaction per round: lock `feed_head`'s row (every instance's sequencer takes
 * turns on it, so no two rounds overlap), read the committed rows that have no position yet in
 * `sequence` order (only committed rows are visible to that read; per aggregate `sequence`
 * follows the revision), number them after the head, move the head. A round that commits makes
 * its positions visible all at once, after every earlier round's: positions become visible in
 * increasing order, with no gaps that fill in later.
 *
 * Runs on its own rather than in the relay so that the feed (and the webhooks that follow it)
 * flows while the broker is down, and needs no leader: the row lock does the serialising.
 */
@Injectable()
export class FeedSequencer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly listeners = new Set<Listener>();
  private readonly loop = new BackgroundLoop(
    'position feed events',
    () => this.positionCommitted(),
    POLL_INTERVAL_MS,
    new Logger(FeedSequencer.name),
  );

  constructor(private readonly unitOfWork: UnitOfWork) {
    unitOfWork.onCommitted(() => this.loop.nudge());
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Called after every round that positioned something; returns the unsubscribe. */
  onPositioned(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Positions every committed row that has none; the number positioned. */
  async positionCommitted(): Promise<number> {
    let total = 0;
    for (;;) {
      const positioned = await this.positionBatch();
      total += positioned;
      if (positioned < BATCH_SIZE) break;
    }
    if (total > 0) for (const listener of this.listeners) listener();
    return total;
  }

  private positionBatch(): Promise<number> {
    return this.unitOfWork.run(async () => {
      const manager = await this.unitOfWork.manager();
      // An UPDATE, not SELECT ... FOR UPDATE, because SQLite has no row locks: both take the
      // lock here. On InnoDB the consistent reads below start their snapshot only after it.
      await manager.query('UPDATE feed_head SET position = position WHERE id = 1');
      const [head] = await manager.query('SELECT position FROM feed_head WHERE id = 1');
      const rows: { sequence: string | number }[] = await manager.query(
        'SELECT sequence FROM outbox WHERE feed_position IS NULL ORDER BY sequence LIMIT ?',
        [BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      const start = Number(head.position);
      const sequences = rows.map((row) => Number(row.sequence));
      await manager.query(
        `UPDATE outbox SET feed_position = CASE sequence ${sequences
          .map(() => 'WHEN ? THEN ?')
          .join(' ')} END WHERE sequence IN (${sequences.map(() => '?').join(', ')})`,
        [...sequences.flatMap((sequence, index) => [sequence, start + index + 1]), ...sequences],
      );
      await manager.query('UPDATE feed_head SET position = ? WHERE id = 1', [
        start + sequences.length,
      ]);
      return sequences.length;
    });
  }
}
