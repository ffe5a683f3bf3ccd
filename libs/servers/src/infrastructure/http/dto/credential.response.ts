import { ApiProperty } from '@nestjs/swagger';

/** A credential as shown: the password never, only that there is one. */
export class CredentialResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ssh' })
  connectionType!: string;

  @ApiProperty({ example: 'deploy' })
  username!: string;

  @ApiProperty({ example: true, enum: [true] })
  hasPassword!: true;

  @ApiProperty({ example: '10.0.0.5', description: 'Canonical form (RFC 5952 for IPv6)' })
  localIp!: string;

  @ApiProperty({ example: 22 })
  localPort!: number;

  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' })
  publicIp!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 2222 })
  publicPort!: number | null;
}
