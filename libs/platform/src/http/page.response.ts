import { ApiProperty } from '@nestjs/swagger';

/** The envelope of every list; subclasses declare `items`. */
export abstract class PageResponse {
  @ApiProperty({ example: 120, description: 'Items matching the query, on all pages' })
  total!: number;

  @ApiProperty({ example: 25 })
  limit!: number;

  @ApiProperty({ example: 0 })
  offset!: number;

  @ApiProperty({ type: String, nullable: true, example: '/api/v1/applications?limit=25&offset=25' })
  next!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  previous!: string | null;
}
