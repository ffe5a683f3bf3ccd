import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@servertree/platform';
import { CloudEventResponse } from './cloud-event.response';

export class EventPageResponse extends PageResponse {
  @ApiProperty({ type: [CloudEventResponse] })
  items!: CloudEventResponse[];
}
