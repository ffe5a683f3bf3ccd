import { AggregateResponse, ApiAggregateResponse } from '@servertree/platform';
import { ApiProperty } from '@nestjs/swagger';

@ApiAggregateResponse()
export class ApplicationResponse extends AggregateResponse {
  @ApiProperty({ format: 'uuid', example: '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b' })
  id!: string;

  @ApiProperty({ example: 'nginx' })
  name!: string;

  @ApiProperty({ example: '1.27.3' })
  version!: string;

  @ApiProperty({ example: 'x86_64' })
  architecture!: string;
}
