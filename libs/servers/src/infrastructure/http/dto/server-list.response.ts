import { ApiProperty } from '@nestjs/swagger';
import { ServerResponse } from './server.response';

/** What a bulk write answers: every server it wrote, as it now stands, in the request's order. */
export class ServerListResponse {
  @ApiProperty({ type: [ServerResponse] })
  items!: readonly ServerResponse[];
}
