import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '@servertree/ddd';
import type { WebhookSubscriptionSnapshot } from '../../../domain/webhook-subscription.snapshot';

export class ListWebhooksQuery extends Query<Page<WebhookSubscriptionSnapshot>> {
  constructor(readonly page: PageRequest) {
    super();
  }
}
