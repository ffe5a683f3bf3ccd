import { Command } from '@nestjs/cqrs';

export class RetryWebhookDeliveryCommand extends Command<void> {
  constructor(
    readonly subscriptionId: string,
    readonly deliveryId: string,
  ) {
    super();
  }
}
