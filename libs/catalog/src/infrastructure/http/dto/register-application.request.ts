import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { ApplicationArchitecture } from '../../../domain/application-architecture.value-object';
import { ApplicationName } from '../../../domain/application-name.value-object';
import { ApplicationVersion } from '../../../domain/application-version.value-object';

/**
 * Shape only: `@Allow` admits the property and rejects unknown ones; the value objects judge
 * the values (see Application.register).
 */
export class RegisterApplicationRequest {
  @ApiProperty({ example: 'nginx', minLength: 1, maxLength: ApplicationName.MAX_LENGTH })
  @Allow()
  name!: string;

  @ApiProperty({ example: '1.27.3', minLength: 1, maxLength: ApplicationVersion.MAX_LENGTH })
  @Allow()
  version!: string;

  @ApiProperty({ example: 'x86_64', minLength: 1, maxLength: ApplicationArchitecture.MAX_LENGTH })
  @Allow()
  architecture!: string;
}
