import { ApiProperty } from '@nestjs/swagger';
import { CloudEventResponse } from '../history/cloud-event.response';

export class FeedEventResponse extends CloudEventResponse {
  @ApiProperty({ example: 1207, description: 'Position in the change feed (visibility order)' })
  sequence!: number;
}

export class FeedPageResponse {
  @ApiProperty({ type: [FeedEventResponse], description: 'In the order they became visible' })
  items!: FeedEventResponse[];

  @ApiProperty({ example: 'ZjE6MTIwNw', description: 'Opaque; send it back as `after`' })
  next!: string;
}
