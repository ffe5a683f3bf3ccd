import { NestedList, TextProperty } from '@servertree/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { AddCredentialRequest } from './add-credential.request';
import { InlineInstallationRequest } from './inline-installation.request';
import { OperatingSystemRequest } from './operating-system.request';
import { MAX_TAGS } from '../../../domain/tags/tag-set.value-object';
import { TAG_PATTERN } from '../../../domain/tags/tag.value-object';
import { HARDWARE_LIMITS } from '../../../domain/hardware.value-object';
import { ServerName } from '../../../domain/server-name.value-object';
import { SLUG_PATTERN } from '../../../domain/slug';

/**
 * Shape only: which properties exist and which are objects or arrays, so unknown properties
 * are refused at any depth. Whether a value is acceptable (and whether a field is required)
 * is for the value objects to say (see Server.register).
 */
export class RegisterServerRequest {
  @TextProperty('web-01', ServerName.MAX_LENGTH)
  name!: string;

  @ApiPropertyOptional({
    type: Number,
    example: 4,
    minimum: HARDWARE_LIMITS.cpuCores.min,
    maximum: HARDWARE_LIMITS.cpuCores.max,
    nullable: true,
  })
  @Allow()
  cpuCores?: number | null;

  @ApiPropertyOptional({
    type: Number,
    example: 8192,
    minimum: HARDWARE_LIMITS.ramMb.min,
    maximum: HARDWARE_LIMITS.ramMb.max,
    nullable: true,
  })
  @Allow()
  ramMb?: number | null;

  @ApiPropertyOptional({
    type: Number,
    example: 200,
    minimum: HARDWARE_LIMITS.diskGb.min,
    maximum: HARDWARE_LIMITS.diskGb.max,
    nullable: true,
  })
  @Allow()
  diskGb?: number | null;

  @ApiProperty({ example: 'production', pattern: SLUG_PATTERN.source })
  @Allow()
  environment!: string;

  @ApiProperty({ type: OperatingSystemRequest })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OperatingSystemRequest)
  operatingSystem!: OperatingSystemRequest;

  @ApiPropertyOptional({
    type: [String],
    example: ['web', 'eu-west-1'],
    maxItems: MAX_TAGS,
    items: { type: 'string', pattern: TAG_PATTERN.source },
    description: 'A set: answered sorted, a repeated tag counts once',
  })
  @Allow()
  tags?: string[];

  @ApiPropertyOptional({ type: [AddCredentialRequest] })
  @NestedList(() => AddCredentialRequest)
  credentials?: AddCredentialRequest[];

  @ApiPropertyOptional({ type: [InlineInstallationRequest] })
  @NestedList(() => InlineInstallationRequest)
  applications?: InlineInstallationRequest[];
}
