import { AggregateResponse, ApiAggregateResponse } from '@servertree/platform';
import { ApiProperty } from '@nestjs/swagger';
import { SERVER_STATUSES, ServerStatusName } from '../../../domain/server-status.value-object';
import { CredentialResponse } from './credential.response';
import { InstalledApplicationResponse } from './installed-application.response';
import { OperatingSystemResponse } from './operating-system.response';

@ApiAggregateResponse()
export class ServerResponse extends AggregateResponse {
  @ApiProperty({ format: 'uuid', example: '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b' })
  id!: string;

  @ApiProperty({ example: 'web-01' })
  name!: string;

  @ApiProperty({ type: Number, nullable: true, example: 4 })
  cpuCores!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 8192 })
  ramMb!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 200 })
  diskGb!: number | null;

  @ApiProperty({ example: 'production' })
  environment!: string;

  @ApiProperty({ type: OperatingSystemResponse })
  operatingSystem!: OperatingSystemResponse;

  @ApiProperty({ type: [String], example: ['eu-west-1', 'web'], description: 'Sorted' })
  tags!: readonly string[];

  @ApiProperty({ enum: SERVER_STATUSES, example: 'running' })
  status!: ServerStatusName;

  @ApiProperty({ type: [CredentialResponse], description: 'Oldest first' })
  credentials!: readonly CredentialResponse[];

  @ApiProperty({ type: [InstalledApplicationResponse], description: 'In application id order' })
  applications!: readonly InstalledApplicationResponse[];
}
