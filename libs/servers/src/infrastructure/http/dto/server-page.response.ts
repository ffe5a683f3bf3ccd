import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@servertree/platform';
import { ServerResponse } from './server.response';

export class ServerPageResponse extends PageResponse {
  @ApiProperty({ type: [ServerResponse] })
  items!: ServerResponse[];
}
