import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '@servertree/ddd';
import type { WebhookSubscriptionSnapshot } from '../../../domain/webhook-subscription.snapshot';
import { WebhookReadModel } from '../webhook-read-model.port';
import { ListWebhooksQuery } from './list-webhooks.query';

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(private readonly readModel: WebhookReadModel) {}

  execute({ page }: ListWebhooksQuery): Promise<Page<WebhookSubscriptionSnapshot>> {
    return this.readModel.subscriptions(page);
  }
}
