import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A `server_applications` row: one application installed on one server. */
@Entity('server_applications')
export class ServerApplicationRecord {
  @PrimaryColumn({ name: 'server_id', type: 'varchar', length: 36 })
  serverId!: string;

  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId!: string;

  @Column({ name: 'install_dir', type: 'varchar', length: 255 })
  installDir!: string;

  @Column({ name: 'log_dir', type: 'varchar', length: 255, nullable: true })
  logDir!: string | null;
}
