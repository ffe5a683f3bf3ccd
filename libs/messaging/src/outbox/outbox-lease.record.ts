import { InstantColumn } from '@servertree/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The one row of `outbox_lease`: which instance's relay publishes, until when (OutboxLease). */
@Entity('outbox_lease')
export class OutboxLeaseRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  owner!: string | null;

  /** The fencing token: grows by one whenever the lease changes hands. */
  @Column({ type: 'bigint' })
  token!: string;

  @InstantColumn('expires_at')
  expiresAt!: Date;
}
