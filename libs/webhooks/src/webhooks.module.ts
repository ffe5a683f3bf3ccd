import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedEventsModule } from '@servertree/messaging';
import { AesGcmBox, AppConfig, KeyRing } from '@servertree/platform';
import { ChangeWebhookHandler } from './application/commands/change-webhook/change-webhook.handler';
import { CreateWebhookHandler } from './application/commands/create-webhook/create-webhook.handler';
import { DisableWebhookHandler } from './application/commands/disable-webhook/disable-webhook.handler';
import { RemoveWebhookHandler } from './application/commands/remove-webhook/remove-webhook.handler';
import { RetryWebhookDeliveryHandler } from './application/commands/retry-webhook-delivery/retry-webhook-delivery.handler';
import { WebhookDeliveryRetries } from './application/commands/retry-webhook-delivery/webhook-delivery-retries.port';
import { GetWebhookHandler } from './application/queries/get-webhook/get-webhook.handler';
import { ListWebhookDeliveriesHandler } from './application/queries/list-webhook-deliveries/list-webhook-deliveries.handler';
import { ListWebhooksHandler } from './application/queries/list-webhooks/list-webhooks.handler';
import { WebhookReadModel } from './application/queries/webhook-read-model.port';
import { WebhookSecrets } from './application/webhook-secrets.port';
import { WebhookSubscriptionRepository } from './domain/webhook-subscription.repository.port';
import { WebhookTargetPolicy } from './domain/webhook-target-policy.port';
import { DnsWebhookTargetPolicy } from './infrastructure/delivery/dns-webhook-target-policy';
import { SealedWebhookSecrets } from './infrastructure/delivery/sealed-webhook-secrets';
import { WebhookDispatcher } from './infrastructure/delivery/webhook-dispatcher';
import { WebhookHttpClient } from './infrastructure/delivery/webhook-http-client';
import { WebhookSender } from './infrastructure/delivery/webhook-sender';
import { WebhooksController } from './infrastructure/http/webhooks.controller';
import { WEBHOOK_PUBLISHED_EVENTS } from './infrastructure/messaging/webhook-published-events';
import { TypeOrmWebhookSubscriptionRepository } from './infrastructure/persistence/typeorm-webhook-subscription.repository';
import {
  TypeOrmWebhookDeliveryRetries,
  TypeOrmWebhookReadModel,
} from './infrastructure/persistence/typeorm-webhook.read-model';
import { WebhookDeliveryRecord } from './infrastructure/persistence/webhook-delivery.record';
import { WebhookSubscriptionRecord } from './infrastructure/persistence/webhook-subscription.record';

/**
 * Webhooks (SPEC §6): the WebhookSubscription aggregate, and the delivery side that follows the
 * change feed (WebhookDispatcher) and POSTs signed events with retries (WebhookSender).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([WebhookSubscriptionRecord, WebhookDeliveryRecord]),
    PublishedEventsModule.forFeature(WEBHOOK_PUBLISHED_EVENTS),
  ],
  controllers: [WebhooksController],
  providers: [
    CreateWebhookHandler,
    ChangeWebhookHandler,
    DisableWebhookHandler,
    RemoveWebhookHandler,
    RetryWebhookDeliveryHandler,
    GetWebhookHandler,
    ListWebhooksHandler,
    ListWebhookDeliveriesHandler,
    { provide: WebhookSubscriptionRepository, useClass: TypeOrmWebhookSubscriptionRepository },
    { provide: WebhookReadModel, useClass: TypeOrmWebhookReadModel },
    { provide: WebhookDeliveryRetries, useClass: TypeOrmWebhookDeliveryRetries },
    { provide: WebhookTargetPolicy, useClass: DnsWebhookTargetPolicy },
    {
      provide: AesGcmBox,
      useFactory: (config: AppConfig) => new AesGcmBox(KeyRing.fromConfig(config)),
      inject: [AppConfig],
    },
    SealedWebhookSecrets,
    { provide: WebhookSecrets, useExisting: SealedWebhookSecrets },
    WebhookHttpClient,
    WebhookDispatcher,
    WebhookSender,
  ],
})
export class WebhooksModule {}
