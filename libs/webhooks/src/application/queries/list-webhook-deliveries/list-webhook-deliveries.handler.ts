import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, type Page } from '@servertree/ddd';
import { WebhookDeliveryView, WebhookReadModel } from '../webhook-read-model.port';
import { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.query';

/** The log of an unknown subscription is a 404, as an unknown aggregate's history is. */
@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveriesQuery> {
  constructor(private readonly readModel: WebhookReadModel) {}

  async execute(query: ListWebhookDeliveriesQuery): Promise<Page<WebhookDeliveryView>> {
    if (!(await this.readModel.subscription(query.subscriptionId))) {
      throw NotFoundError.aggregate('WebhookSubscription', query.subscriptionId);
    }
    return this.readModel.deliveries(query.subscriptionId, query.page);
  }
}
