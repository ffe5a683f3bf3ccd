import { Column, PrimaryColumn } from 'typeorm';

/**
 * The columns every aggregate root's row has: its id and its lifecycle (revision, timestamps,
 * soft delete). Records of aggregate roots extend it and add their own state.
 */
export abstract class AggregateRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Compared in every UPDATE's WHERE clause: optimistic concurrency (revision-guard.ts). */
  @Column({ type: 'int' })
  revision!: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;

  @Column({ type: 'boolean' })
  discarded!: boolean;
}
