import { AggregateRecord } from '@servertree/platform';
import { Column, Entity } from 'typeorm';

/** The `webhook_subscriptions` row. The secret is stored sealed, with the id of its key. */
@Entity('webhook_subscriptions')
export class WebhookSubscriptionRecord extends AggregateRecord {
  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  /** JSON array of topic patterns. */
  @Column({ name: 'event_types', type: 'text' })
  eventTypes!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'secret_key_id', type: 'varchar', length: 16 })
  secretKeyId!: string;

  @Column({ name: 'secret_ciphertext', type: 'varchar', length: 255 })
  secretCiphertext!: string;
}
