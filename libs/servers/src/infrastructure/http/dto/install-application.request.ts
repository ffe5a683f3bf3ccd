import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/** Shape only; the DirectoryPath value object judges the paths. */
export class InstallApplicationRequest {
  @ApiProperty({
    example: '/opt/nginx',
    maxLength: 255,
    description: 'Absolute: /opt/app or C:\\Program Files\\App',
  })
  @Allow()
  installDir!: string;

  @ApiPropertyOptional({
    type: String,
    example: '/var/log/nginx',
    maxLength: 255,
    nullable: true,
  })
  @Allow()
  logDir?: string | null;
}
