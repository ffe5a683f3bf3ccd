import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * Shape only: `@Allow` admits the property and rejects unknown ones; the value objects judge
 * the values (see WebhookSubscription).
 */
export class CreateWebhookRequest {
  @ApiProperty({ example: 'https://ci.example.com/hooks/servertree', maxLength: 2048 })
  @Allow()
  url!: string;

  @ApiProperty({ example: ['server.server.*', 'server.application.discarded'], minItems: 1 })
  @Allow()
  eventTypes!: string[];

  @ApiPropertyOptional({ example: 'CI inventory sync', maxLength: 500 })
  @Allow()
  description?: string;
}

export class ChangeWebhookRequest {
  @ApiPropertyOptional({ maxLength: 2048 })
  @Allow()
  url?: string;

  @ApiPropertyOptional({ type: [String] })
  @Allow()
  eventTypes?: string[];

  @ApiPropertyOptional({ nullable: true, maxLength: 500 })
  @Allow()
  description?: string | null;

  @ApiPropertyOptional()
  @Allow()
  enabled?: boolean;
}
