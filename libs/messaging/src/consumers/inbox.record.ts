import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event a consumer has processed; its key is what makes a redelivery a no-op. */
@Entity('inbox')
export class InboxRecord {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ name: 'processed_at', type: 'datetime', precision: 3 })
  processedAt!: Date;
}
