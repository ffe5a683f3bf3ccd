import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event to send to one subscription, and how sending it went. Rows are made from stored
 * events by the WebhookDispatcher and claimed for sending with a lease (WebhookSender).
 */
@Entity('webhook_deliveries')
export class WebhookDeliveryRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'subscription_id', type: 'varchar', length: 36 })
  subscriptionId!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 100 })
  eventType!: string;

  @Column({ name: 'aggregate_id', type: 'varchar', length: 36 })
  aggregateId!: string;

  /** The event's change-feed position: per aggregate, its revision order. */
  @Column({ name: 'feed_position', type: 'bigint' })
  feedPosition!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ name: 'last_http_status', type: 'int', nullable: true })
  lastHttpStatus!: number | null;

  /** Why the last attempt failed, or the receiver's first 1 KiB of answer. */
  @Column({ name: 'last_response', type: 'varchar', length: 1024, nullable: true })
  lastResponse!: string | null;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3, nullable: true })
  nextAttemptAt!: Date | null;

  /** Start of the retry window (24 h by default); a manual retry starts a new one. */
  @Column({ name: 'retrying_since', type: 'datetime', precision: 3, nullable: true })
  retryingSince!: Date | null;

  @Column({ name: 'lease_owner', type: 'varchar', length: 36, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_until', type: 'datetime', precision: 3, nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
