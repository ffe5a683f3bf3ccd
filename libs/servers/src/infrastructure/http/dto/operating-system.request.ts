import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { OperatingSystem } from '../../../domain/operating-system.value-object';

/** Shape only; the OperatingSystem value object judges the values. */
export class OperatingSystemRequest {
  @ApiProperty({ example: 'Ubuntu', minLength: 1, maxLength: OperatingSystem.PART_MAX_LENGTH })
  @Allow()
  name!: string;

  @ApiProperty({ example: '24.04', minLength: 1, maxLength: OperatingSystem.PART_MAX_LENGTH })
  @Allow()
  version!: string;

  @ApiProperty({ example: 'x86_64', minLength: 1, maxLength: OperatingSystem.PART_MAX_LENGTH })
  @Allow()
  architecture!: string;
}
