import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@servertree/platform';
import { ApplicationResponse } from './application.response';

export class ApplicationPageResponse extends PageResponse {
  @ApiProperty({ type: [ApplicationResponse] })
  items!: ApplicationResponse[];
}
