import { UuidColumn, UuidPrimaryColumn } from '@servertree/platform';
import { Column, Entity } from 'typeorm';

/** A `server_credentials` row: the password only as ciphertext, with the id of its key. */
@Entity('server_credentials')
export class ServerCredentialRecord {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn('server_id')
  serverId!: string;

  @Column({ name: 'connection_type', type: 'varchar', length: 32 })
  connectionType!: string;

  @Column({ type: 'varchar', length: 128 })
  username!: string;

  @Column({ name: 'key_id', type: 'varchar', length: 32 })
  keyId!: string;

  @Column({ name: 'password_ciphertext', type: 'text' })
  passwordCiphertext!: string;

  @Column({ name: 'local_ip', type: 'varchar', length: 45 })
  localIp!: string;

  @Column({ name: 'local_port', type: 'int' })
  localPort!: number;

  @Column({ name: 'public_ip', type: 'varchar', length: 45, nullable: true })
  publicIp!: string | null;

  @Column({ name: 'public_port', type: 'int', nullable: true })
  publicPort!: number | null;
}
