import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@servertree/shared-kernel/infrastructure/http/page.response';
import { ServerResponse } from './server.response';

export class ServerPageResponse extends PageResponse {
  @ApiProperty({ type: [ServerResponse] })
  items!: ServerResponse[];
}
