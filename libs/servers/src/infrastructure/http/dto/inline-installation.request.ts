import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { InstallApplicationRequest } from './install-application.request';

/** An application installed as part of a server's registration. */
export class InlineInstallationRequest extends InstallApplicationRequest {
  @ApiProperty({ format: 'uuid', description: 'An existing, not discarded application' })
  @Allow()
  applicationId!: string;
}
