import { InstantColumn, UuidPrimaryColumn } from '@servertree/platform';
import { Entity, PrimaryColumn } from 'typeorm';

/** An event a consumer has processed; its key is what makes a redelivery a no-op. */
@Entity('inbox')
export class InboxRecord {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  consumer!: string;

  @UuidPrimaryColumn('event_id')
  eventId!: string;

  @InstantColumn('processed_at')
  processedAt!: Date;
}
