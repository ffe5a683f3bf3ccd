import { AggregateRecord } from '@servertree/platform';
import { Column, Entity } from 'typeorm';

/** The `applications` row. Persistence shape only: the aggregate never sees this class. */
@Entity('applications')
export class ApplicationRecord extends AggregateRecord {
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 64 })
  version!: string;

  @Column({ type: 'varchar', length: 32 })
  architecture!: string;
}
