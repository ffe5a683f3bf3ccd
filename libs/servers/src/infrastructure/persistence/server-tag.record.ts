import { Entity, PrimaryColumn } from 'typeorm';

/** A `server_tags` row: one tag on one server. */
@Entity('server_tags')
export class ServerTagRecord {
  @PrimaryColumn({ name: 'server_id', type: 'varchar', length: 36 })
  serverId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  tag!: string;
}
