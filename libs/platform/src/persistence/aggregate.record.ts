import { Column } from 'typeorm';
import { InstantColumn, UuidPrimaryColumn } from './record-columns';

/**
 * The columns every aggregate root's row has: its id and its lifecycle (revision, timestamps,
 * soft delete). Records of aggregate roots extend it and add their own state.
 */
export abstract class AggregateRecord {
  @UuidPrimaryColumn()
  id!: string;

  /** Compared in every UPDATE's WHERE clause: optimistic concurrency (revision-guard.ts). */
  @Column({ type: 'int' })
  revision!: number;

  @InstantColumn('created_at')
  createdAt!: Date;

  @InstantColumn('updated_at')
  updatedAt!: Date;

  @Column({ type: 'boolean' })
  discarded!: boolean;
}
