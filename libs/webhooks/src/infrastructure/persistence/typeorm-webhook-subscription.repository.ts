import { Injectable } from '@nestjs/common';
import { ChangeFeed, OutboxWriter } from '@servertree/messaging';
import { UnitOfWork, updateWithRevisionCheck } from '@servertree/platform';
import { WebhookSubscription } from '../../domain/webhook-subscription.aggregate';
import { WebhookSubscriptionRepository } from '../../domain/webhook-subscription.repository.port';
import { WebhookDeliveryRecord } from './webhook-delivery.record';
import { WebhookSubscriptionMapper } from './webhook-subscription.mapper';
import { WebhookSubscriptionRecord } from './webhook-subscription.record';

@Injectable()
export class TypeOrmWebhookSubscriptionRepository extends WebhookSubscriptionRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outboxWriter: OutboxWriter,
    private readonly feed: ChangeFeed,
  ) {
    super();
  }

  async findById(id: string): Promise<WebhookSubscription | undefined> {
    const manager = await this.unitOfWork.manager();
    const record = await manager.findOneBy(WebhookSubscriptionRecord, { id });
    return record ? WebhookSubscriptionMapper.toDomain(record) : undefined;
  }

  /**
   * A new subscription receives what is positioned in the feed after it was created: its
   * dispatch cursor starts at the feed's head. A removed one loses its pending deliveries.
   */
  async save(subscription: WebhookSubscription): Promise<void> {
    const events = subscription.pullEvents();
    if (events.length === 0) return;
    const manager = await this.unitOfWork.manager();
    const record = WebhookSubscriptionMapper.toRecord(subscription);
    if (subscription.isNew) {
      await manager.insert(WebhookSubscriptionRecord, record);
      await manager.query(
        'INSERT INTO webhook_dispatch_cursors (subscription_id, position) VALUES (?, ?)',
        [subscription.id, await this.feed.head()],
      );
    } else {
      await updateWithRevisionCheck(
        manager,
        WebhookSubscriptionRecord,
        subscription,
        'WebhookSubscription',
        record,
      );
    }
    if (subscription.discarded) {
      await manager.delete(WebhookDeliveryRecord, {
        subscriptionId: subscription.id,
        status: 'pending',
      });
    }
    await this.outboxWriter.append('webhook', events);
  }
}
