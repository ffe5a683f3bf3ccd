import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * Shape only: `@Allow` admits the property and rejects unknown ones; the value objects judge
 * the values (see Application.register).
 */
export class RegisterApplicationRequest {
  @ApiProperty({ example: 'nginx', minLength: 1, maxLength: 255 })
  @Allow()
  name!: string;

  @ApiProperty({ example: '1.27.3', minLength: 1, maxLength: 64 })
  @Allow()
  version!: string;

  @ApiProperty({ example: 'x86_64', minLength: 1, maxLength: 32 })
  @Allow()
  architecture!: string;
}
