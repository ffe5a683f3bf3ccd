import { ApiProperty } from '@nestjs/swagger';

/** A stored event exactly as it was published: a CloudEvents 1.0 structured event. */
export class CloudEventResponse {
  @ApiProperty({ example: '1.0' })
  specversion!: string;

  @ApiProperty({ format: 'uuid', description: 'Event id; also the AMQP message-id' })
  id!: string;

  @ApiProperty({ example: '/servertree' })
  source!: string;

  @ApiProperty({ example: 'server.application.modified', description: 'Also the routing key' })
  type!: string;

  @ApiProperty({ format: 'uuid', description: 'The aggregate id' })
  subject!: string;

  @ApiProperty({ format: 'date-time' })
  time!: string;

  @ApiProperty({ example: 'application/json' })
  datacontenttype!: string;

  @ApiProperty({ example: 2, description: 'The revision this event produced' })
  aggregaterevision!: number;

  @ApiProperty({ example: 'c0a8012e-4f1b-4d6e-9b1a-2f3c4d5e6f70' })
  correlationid!: string;

  @ApiProperty({ example: 'anonymous' })
  actor!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Depends on the type; the schemas are in /asyncapi.json',
    example: { changes: { version: { from: '1.27.3', to: '1.27.4' } } },
  })
  data!: unknown;
}
