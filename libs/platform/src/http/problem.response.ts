import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class ViolationResponse {
  @ApiProperty({ example: 'name' })
  field!: string;

  @ApiProperty({ example: 'name must be 1–255 characters long after trimming (got 0)' })
  message!: string;
}

/** RFC 9457 problem details, as documented in OpenAPI. */
export class ProblemResponse {
  @ApiProperty({ example: 'urn:servertree:problem:invalid-input' })
  type!: string;

  @ApiProperty({ example: 'Invalid input' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request is invalid; see errors for each field.' })
  detail!: string;

  @ApiPropertyOptional({ type: [ViolationResponse] })
  errors?: ViolationResponse[];
}
