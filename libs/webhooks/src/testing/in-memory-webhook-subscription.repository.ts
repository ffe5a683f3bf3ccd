import { InMemoryAggregateStore } from '@servertree/ddd/testing';
import { WebhookSubscription } from '../domain/webhook-subscription.aggregate';
import { WebhookSubscriptionRepository } from '../domain/webhook-subscription.repository.port';
import { WebhookSubscriptionMapper } from '../infrastructure/persistence/webhook-subscription.mapper';
import { InMemoryWebhookDeliveries } from './in-memory-webhook-deliveries';

/**
 * The subscriptions' repository for handler specs: subscriptions kept as their rows would be
 * (the secret sealed), and, as the TypeORM one does in the same transaction, a removed
 * subscription's pending deliveries dropped from `deliveries`.
 */
export class InMemoryWebhookSubscriptionRepository
  extends InMemoryAggregateStore<WebhookSubscription>
  implements WebhookSubscriptionRepository
{
  constructor(private readonly deliveries = new InMemoryWebhookDeliveries()) {
    super({
      aggregateType: 'WebhookSubscription',
      copy: (subscription) =>
        WebhookSubscriptionMapper.toDomain(WebhookSubscriptionMapper.toRecord(subscription)),
    });
  }

  override async save(subscription: WebhookSubscription): Promise<void> {
    await super.save(subscription);
    if (subscription.discarded) this.deliveries.dropPending(subscription.id);
  }
}
