import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '@servertree/ddd';
import type { WebhookDeliveryView } from '../webhook-read-model.port';

export class ListWebhookDeliveriesQuery extends Query<Page<WebhookDeliveryView>> {
  constructor(
    readonly subscriptionId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
