import { UuidPrimaryColumn } from '@servertree/platform';
import { Column, Entity } from 'typeorm';

/** A `server_applications` row: one application installed on one server. */
@Entity('server_applications')
export class ServerApplicationRecord {
  @UuidPrimaryColumn('server_id')
  serverId!: string;

  @UuidPrimaryColumn('application_id')
  applicationId!: string;

  @Column({ name: 'install_dir', type: 'varchar', length: 255 })
  installDir!: string;

  @Column({ name: 'log_dir', type: 'varchar', length: 255, nullable: true })
  logDir!: string | null;
}
