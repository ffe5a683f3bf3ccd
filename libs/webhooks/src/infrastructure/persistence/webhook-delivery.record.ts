import { InstantColumn, UuidColumn, UuidPrimaryColumn } from '@servertree/platform';
import { Column, Entity } from 'typeorm';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event to send to one subscription, and how sending it went. Rows are made from stored
 * events by the WebhookDispatcher and claimed for sending with a lease (WebhookSender).
 */
@Entity('webhook_deliveries')
export class WebhookDeliveryRecord {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn('subscription_id')
  subscriptionId!: string;

  @UuidColumn('event_id')
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 100 })
  eventType!: string;

  @UuidColumn('aggregate_id')
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

  @InstantColumn('next_attempt_at', { nullable: true })
  nextAttemptAt!: Date | null;

  /** Start of the retry window (24 h by default); a manual retry starts a new one. */
  @InstantColumn('retrying_since', { nullable: true })
  retryingSince!: Date | null;

  @UuidColumn('lease_owner', { nullable: true })
  leaseOwner!: string | null;

  @InstantColumn('lease_until', { nullable: true })
  leaseUntil!: Date | null;

  @InstantColumn('created_at')
  createdAt!: Date;

  @InstantColumn('updated_at')
  updatedAt!: Date;
}
