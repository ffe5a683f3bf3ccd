import { ApiProperty } from '@nestjs/swagger';

/** An installed application: where it is on this server, and what the catalogue calls it. */
export class InstalledApplicationResponse {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ example: 'nginx' })
  name!: string;

  @ApiProperty({ example: '1.27.3' })
  version!: string;

  @ApiProperty({ example: 'x86_64' })
  architecture!: string;

  @ApiProperty({ example: '/opt/nginx' })
  installDir!: string;

  @ApiProperty({ type: String, nullable: true, example: '/var/log/nginx' })
  logDir!: string | null;
}
