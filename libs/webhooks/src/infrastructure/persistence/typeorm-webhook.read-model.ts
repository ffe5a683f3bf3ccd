import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@servertree/ddd';
import { UnitOfWork } from '@servertree/platform';
import {
  WebhookDeliveryView,
  WebhookReadModel,
} from '../../application/queries/webhook-read-model.port';
import { WebhookDeliveryRetries } from '../../application/commands/retry-webhook-delivery/webhook-delivery-retries.port';
import type { WebhookSubscriptionSnapshot } from '../../domain/webhook-subscription.snapshot';
import { WebhookDeliveryRecord } from './webhook-delivery.record';
import { WebhookSubscriptionMapper } from './webhook-subscription.mapper';
import { WebhookSubscriptionRecord } from './webhook-subscription.record';

@Injectable()
export class TypeOrmWebhookReadModel extends WebhookReadModel {
  constructor(private readonly unitOfWork: UnitOfWork) {
    super();
  }

  async subscription(id: string): Promise<WebhookSubscriptionSnapshot | undefined> {
    const manager = await this.unitOfWork.manager();
    const record = await manager.findOneBy(WebhookSubscriptionRecord, { id });
    return record ? WebhookSubscriptionMapper.toDomain(record).snapshot() : undefined;
  }

  async subscriptions(page: PageRequest): Promise<Page<WebhookSubscriptionSnapshot>> {
    const manager = await this.unitOfWork.manager();
    const [records, total] = await manager.findAndCount(WebhookSubscriptionRecord, {
      where: { discarded: false },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    const items = records.map((record) => WebhookSubscriptionMapper.toDomain(record).snapshot());
    return { total, limit: page.limit, offset: page.offset, items };
  }

  async deliveries(subscriptionId: string, page: PageRequest): Promise<Page<WebhookDeliveryView>> {
    const manager = await this.unitOfWork.manager();
    const [records, total] = await manager.findAndCount(WebhookDeliveryRecord, {
      where: { subscriptionId },
      order: { feedPosition: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return { total, limit: page.limit, offset: page.offset, items: records.map(deliveryView) };
  }
}

function deliveryView(record: WebhookDeliveryRecord): WebhookDeliveryView {
  return {
    id: record.id,
    eventId: record.eventId,
    eventType: record.eventType,
    status: record.status,
    attempts: record.attempts,
    lastHttpStatus: record.lastHttpStatus,
    lastResponse: record.lastResponse,
    nextAttemptAt: record.nextAttemptAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

@Injectable()
export class TypeOrmWebhookDeliveryRetries extends WebhookDeliveryRetries {
  constructor(private readonly unitOfWork: UnitOfWork) {
    super();
  }

  async statusOf(
    subscriptionId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryView['status'] | undefined> {
    const manager = await this.unitOfWork.manager();
    const delivery = await manager.findOne(WebhookDeliveryRecord, {
      select: { status: true },
      where: { id: deliveryId, subscriptionId },
    });
    return delivery?.status;
  }

  async retryNow(deliveryId: string, at: Date): Promise<boolean> {
    const manager = await this.unitOfWork.manager();
    const { affected } = await manager.update(
      WebhookDeliveryRecord,
      { id: deliveryId, status: 'failed' },
      { status: 'pending', nextAttemptAt: at, retryingSince: at, updatedAt: at },
    );
    return Boolean(affected);
  }
}
