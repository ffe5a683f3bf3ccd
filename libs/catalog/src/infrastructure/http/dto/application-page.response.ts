import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@servertree/shared-kernel/infrastructure/http/page.response';
import { ApplicationResponse } from './application.response';

export class ApplicationPageResponse extends PageResponse {
  @ApiProperty({ type: [ApplicationResponse] })
  items!: ApplicationResponse[];
}
