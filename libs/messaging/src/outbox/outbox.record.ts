import { InstantColumn, UuidColumn } from '@servertree/platform';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One stored domain event. The table is both the outbox (rows with no `publishedAt` are still
 * to be delivered) and the event history the `/events` endpoints read. `sequence` is the
 * delivery order; per aggregate it follows the revision, because writes to one aggregate are
 * serialised by the revision check.
 */
@Entity('outbox')
@Index('uq_outbox_aggregate_revision', ['aggregateId', 'aggregateRevision'], {
  unique: true,
})
export class OutboxRecord {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  sequence!: string;

  @UuidColumn('id', { unique: true })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ name: 'aggregate_type', type: 'varchar', length: 32 })
  aggregateType!: string;

  @UuidColumn('aggregate_id')
  aggregateId!: string;

  @Column({ name: 'aggregate_revision', type: 'int' })
  aggregateRevision!: number;

  @InstantColumn('occurred_at')
  occurredAt!: Date;

  @Column({ name: 'correlation_id', type: 'varchar', length: 128 })
  correlationId!: string;

  @Column({ type: 'varchar', length: 255 })
  actor!: string;

  /** JSON text; kept as text so MySQL and SQLite store it the same way. */
  @Column({ type: 'text' })
  data!: string;

  /** W3C `traceparent` of the write that recorded the event; null for events stored before. */
  @Column({ type: 'varchar', length: 55, nullable: true })
  traceparent!: string | null;

  /**
   * Where the event stands in the change feed: given after commit, in visibility order, by the
   * FeedSequencer; null until then.
   */
  @Column({ name: 'feed_position', type: 'bigint', nullable: true })
  feedPosition!: string | null;

  @InstantColumn('published_at', { nullable: true })
  publishedAt!: Date | null;
}
