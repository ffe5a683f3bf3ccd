import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, ConflictError, NotFoundError } from '@servertree/ddd';
import { RetryWebhookDeliveryCommand } from './retry-webhook-delivery.command';
import { WebhookDeliveryRetries } from './webhook-delivery-retries.port';

/** Only a failed delivery can be retried by hand; pending ones are being retried already. */
@CommandHandler(RetryWebhookDeliveryCommand)
export class RetryWebhookDeliveryHandler implements ICommandHandler<RetryWebhookDeliveryCommand> {
  constructor(
    private readonly retries: WebhookDeliveryRetries,
    private readonly clock: Clock,
  ) {}

  async execute({ subscriptionId, deliveryId }: RetryWebhookDeliveryCommand): Promise<void> {
    const outcome = await this.retries.retryNow(subscriptionId, deliveryId, this.clock.now());
    if (outcome === 'not_found') {
      throw new NotFoundError(
        `webhook delivery ${deliveryId} of subscription ${subscriptionId} not found`,
      );
    }
    if (outcome === 'not_failed') {
      throw new ConflictError(
        `webhook delivery ${deliveryId} has not failed; only failed ones are retried by hand`,
      );
    }
  }
}
