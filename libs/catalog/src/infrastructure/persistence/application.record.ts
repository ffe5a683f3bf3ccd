import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The `applications` row. Persistence shape only: the aggregate never sees this class. */
@Entity('applications')
export class ApplicationRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 64 })
  version!: string;

  @Column({ type: 'varchar', length: 32 })
  architecture!: string;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;

  @Column({ type: 'boolean' })
  discarded!: boolean;
}
