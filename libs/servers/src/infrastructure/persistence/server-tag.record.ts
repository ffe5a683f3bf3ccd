import { UuidPrimaryColumn } from '@servertree/platform';
import { Entity, PrimaryColumn } from 'typeorm';

/** A `server_tags` row: one tag on one server. */
@Entity('server_tags')
export class ServerTagRecord {
  @UuidPrimaryColumn('server_id')
  serverId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  tag!: string;
}
