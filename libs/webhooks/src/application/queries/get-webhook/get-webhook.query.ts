import { Query } from '@nestjs/cqrs';
import type { WebhookSubscriptionSnapshot } from '../../../domain/webhook-subscription.snapshot';

export class GetWebhookQuery extends Query<WebhookSubscriptionSnapshot> {
  constructor(readonly subscriptionId: string) {
    super();
  }
}
