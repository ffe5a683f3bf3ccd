import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../persistence/record-columns';

/**
 * A POST made with an Idempotency-Key: while `response` is null the first request is still
 * running; afterwards it holds what that request answered, to be replayed.
 */
@Entity('idempotency_keys')
export class IdempotencyRecord {
  /** Whose key it is (the token subject): two clients may pick the same key. */
  @PrimaryColumn({ type: 'varchar', length: 191 })
  scope!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 255 })
  key!: string;

  /** SHA-256 of method, path and body: the same key with another request is a 422. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @Column({ type: 'text', nullable: true })
  response!: string | null;

  @InstantColumn('created_at')
  createdAt!: Date;
}
