import { TextProperty } from '@servertree/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { Password } from '../../../domain/credentials/password';
import { Username } from '../../../domain/credentials/username.value-object';
import { Port } from '../../../domain/network/port.value-object';
import { SLUG_PATTERN } from '../../../domain/slug';

/** Shape only: `@Allow` admits the property and rejects unknown ones; the domain judges values. */
export class AddCredentialRequest {
  @ApiProperty({
    example: 'ssh',
    pattern: SLUG_PATTERN.source,
    description: 'ssh, rdp, winrm, ...',
  })
  @Allow()
  connectionType!: string;

  @TextProperty('deploy', Username.MAX_LENGTH)
  username!: string;

  @ApiProperty({
    format: 'password',
    writeOnly: true,
    minLength: 1,
    maxLength: Password.MAX_LENGTH,
    description: 'Stored encrypted; never shown again except through the audited reveal',
  })
  @Allow()
  password!: string;

  @ApiProperty({ example: '10.0.0.5', description: 'IPv4 or IPv6' })
  @Allow()
  localIp!: string;

  @ApiProperty({ example: 22, minimum: 1, maximum: Port.MAX })
  @Allow()
  localPort!: number;

  @ApiPropertyOptional({
    type: String,
    example: '203.0.113.7',
    nullable: true,
    description: 'IPv4 or IPv6',
  })
  @Allow()
  publicIp?: string | null;

  @ApiPropertyOptional({
    type: Number,
    example: 2222,
    minimum: 1,
    maximum: Port.MAX,
    nullable: true,
  })
  @Allow()
  publicPort?: number | null;
}
