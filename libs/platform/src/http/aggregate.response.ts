import { ApiProperty } from '@nestjs/swagger';

/** What every aggregate's resource shows besides its own state. */
export abstract class AggregateResponse {
  @ApiProperty({ example: 1, description: 'Bumped by every change; also the ETag' })
  revision!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ example: false, description: 'Soft-deleted: still readable, refuses changes' })
  discarded!: boolean;
}
