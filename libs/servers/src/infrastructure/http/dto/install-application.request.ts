import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { DirectoryPath } from '../../../domain/installations/directory-path.value-object';

/** Shape only; the DirectoryPath value object judges the paths. */
export class InstallApplicationRequest {
  @ApiProperty({
    example: '/opt/nginx',
    maxLength: DirectoryPath.MAX_LENGTH,
    description: 'Absolute: /opt/app or C:\\Program Files\\App',
  })
  @Allow()
  installDir!: string;

  @ApiPropertyOptional({
    type: String,
    example: '/var/log/nginx',
    maxLength: DirectoryPath.MAX_LENGTH,
    nullable: true,
  })
  @Allow()
  logDir?: string | null;
}
