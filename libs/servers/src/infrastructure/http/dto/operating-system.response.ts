import { ApiProperty } from '@nestjs/swagger';

export class OperatingSystemResponse {
  @ApiProperty({ example: 'Ubuntu' })
  name!: string;

  @ApiProperty({ example: '24.04' })
  version!: string;

  @ApiProperty({ example: 'x86_64' })
  architecture!: string;
}
