import { AggregateRecord } from '@servertree/platform';
import { Column, Entity } from 'typeorm';

/** The `servers` row. Persistence shape only: the aggregate never sees this class. */
@Entity('servers')
export class ServerRecord extends AggregateRecord {
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'cpu_cores', type: 'int', nullable: true })
  cpuCores!: number | null;

  @Column({ name: 'ram_mb', type: 'int', nullable: true })
  ramMb!: number | null;

  @Column({ name: 'disk_gb', type: 'int', nullable: true })
  diskGb!: number | null;

  @Column({ type: 'varchar', length: 32 })
  environment!: string;

  @Column({ name: 'os_name', type: 'varchar', length: 64 })
  osName!: string;

  @Column({ name: 'os_version', type: 'varchar', length: 64 })
  osVersion!: string;

  @Column({ name: 'os_architecture', type: 'varchar', length: 64 })
  osArchitecture!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: string;
}
