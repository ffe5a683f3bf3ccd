import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/** Shape only; the OperatingSystem value object judges the values. */
export class OperatingSystemRequest {
  @ApiProperty({ example: 'Ubuntu', minLength: 1, maxLength: 64 })
  @Allow()
  name!: string;

  @ApiProperty({ example: '24.04', minLength: 1, maxLength: 64 })
  @Allow()
  version!: string;

  @ApiProperty({ example: 'x86_64', minLength: 1, maxLength: 64 })
  @Allow()
  architecture!: string;
}
