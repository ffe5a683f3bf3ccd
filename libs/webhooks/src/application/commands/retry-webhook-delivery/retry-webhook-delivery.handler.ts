import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, ConflictError, NotFoundError } from '@servertree/ddd';
import { WebhookSubscriptionRepository } from '../../../domain/webhook-subscription.repository.port';
import { RetryWebhookDeliveryCommand } from './retry-webhook-delivery.command';
import { WebhookDeliveryRetries } from './webhook-delivery-retries.port';

/**
 * Only a failed delivery can be retried by hand (pending ones are being retried already), and
 * only while its subscription is live and enabled: the sender sends to no other. An unknown
 * subscription or delivery is a 404 whatever the subscription's state.
 */
@CommandHandler(RetryWebhookDeliveryCommand)
export class RetryWebhookDeliveryHandler implements ICommandHandler<RetryWebhookDeliveryCommand> {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly retries: WebhookDeliveryRetries,
    private readonly clock: Clock,
  ) {}

  async execute({ subscriptionId, deliveryId }: RetryWebhookDeliveryCommand): Promise<void> {
    const subscription = await this.subscriptions.findById(subscriptionId);
    if (!subscription) throw NotFoundError.aggregate('WebhookSubscription', subscriptionId);
    const status = await this.retries.statusOf(subscriptionId, deliveryId);
    if (!status) {
      throw new NotFoundError(
        `webhook delivery ${deliveryId} of subscription ${subscriptionId} not found`,
      );
    }
    subscription.assertAcceptsRetries();
    // Checked again by the update itself: a concurrent retry may have won since.
    if (status !== 'failed' || !(await this.retries.retryNow(deliveryId, this.clock.now()))) {
      throw new ConflictError(
        `webhook delivery ${deliveryId} has not failed; only failed ones are retried by hand`,
      );
    }
  }
}
