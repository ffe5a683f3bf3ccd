import { ApiProperty } from '@nestjs/swagger';
import { AggregateResponse, PageResponse, ApiAggregateResponse } from '@servertree/platform';

@ApiAggregateResponse()
export class WebhookResponse extends AggregateResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'https://ci.example.com/hooks/servertree' })
  url!: string;

  @ApiProperty({ example: ['server.server.*'] })
  eventTypes!: string[];

  @ApiProperty({ nullable: true, type: String })
  description!: string | null;

  @ApiProperty()
  enabled!: boolean;
}

export class CreatedWebhookResponse extends WebhookResponse {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The signing secret (Standard Webhooks). Shown only in this answer.',
  })
  secret!: string;
}

export class WebhookPageResponse extends PageResponse {
  @ApiProperty({ type: [WebhookResponse] })
  items!: WebhookResponse[];
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'Also the `webhook-id` header' })
  eventId!: string;

  @ApiProperty({ example: 'server.server.registered' })
  eventType!: string;

  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] })
  status!: string;

  @ApiProperty({ example: 1 })
  attempts!: number;

  @ApiProperty({ nullable: true, type: Number, example: 200 })
  lastHttpStatus!: number | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: "First 1 KiB of the receiver's answer, or why there was none",
  })
  lastResponse!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  nextAttemptAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class WebhookDeliveryPageResponse extends PageResponse {
  @ApiProperty({ type: [WebhookDeliveryResponse] })
  items!: WebhookDeliveryResponse[];
}
