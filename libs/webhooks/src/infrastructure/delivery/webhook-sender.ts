import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock, Identifier } from '@servertree/ddd';
import { BackgroundLoop, OutboxRecord, toCloudEvent } from '@servertree/messaging';
import { AppConfig, Metrics, UnitOfWork, type WebhookDeliveryOutcome } from '@servertree/platform';
import { EntityManager, In } from 'typeorm';
import { DisableWebhookCommand } from '../../application/commands/disable-webhook/disable-webhook.command';
import { WebhookDeliveryRecord } from '../persistence/webhook-delivery.record';
import { WebhookSubscriptionRecord } from '../persistence/webhook-subscription.record';
import { RetrySchedule } from './retry-schedule';
import { SealedWebhookSecrets } from './sealed-webhook-secrets';
import { WebhookDispatcher } from './webhook-dispatcher';
import { AttemptResult, WebhookHttpClient } from './webhook-http-client';
import { signedHeaders } from './webhook-signature';

/** Deliveries claimed and sent at once; each to a different (subscription, aggregate). */
const BATCH_SIZE = 50;
const POLL_INTERVAL_MS = 250;
/** A claim outlives the attempt's timeout by this much before another instance may take over. */
const LEASE_MARGIN_MS = 30_000;

interface PreparedAttempt {
  readonly delivery: WebhookDeliveryRecord;
  readonly url: string;
  readonly body: string;
  readonly key: Buffer;
}

/**
 * Sends due deliveries and records how it went. Safe with several instances and crashes:
 *
 * - Only the head of each line is due: the oldest pending delivery of an aggregate for a
 *   subscription. A failing event therefore holds back that aggregate's later events for that
 *   subscription only; other aggregates and other subscriptions flow.
 * - A delivery is claimed with a lease (`UPDATE ... WHERE lease_until < now`, never a named
 *   lock), so two instances never send it at the same time; the claim that wins is the one
 *   whose token the row now carries.
 * - A crash mid-attempt leaves the row pending with a lease that expires; then it is sent again
 *   (at least once). Receivers dedupe on `webhook-id`, the event id.
 */
@Injectable()
export class WebhookSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookSender.name);
  private readonly schedule: RetrySchedule;
  private readonly loop = new BackgroundLoop(
    'send webhook deliveries',
    async (signal) => {
      while ((await this.sendDue()) > 0 && !signal.aborted);
    },
    POLL_INTERVAL_MS,
    this.logger,
  );

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly http: WebhookHttpClient,
    private readonly secrets: SealedWebhookSecrets,
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
    dispatcher: WebhookDispatcher,
  ) {
    this.schedule = new RetrySchedule(config.webhooks);
    dispatcher.onDispatched(() => this.loop.nudge());
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims and sends one batch of due deliveries; the number sent. */
  async sendDue(): Promise<number> {
    // Each step is a short transaction of its own (SQLite's one connection is shared with
    // commands); nothing is held open while a receiver is being called.
    const attempts = await this.unitOfWork.run(async () =>
      this.claim(await this.unitOfWork.manager()),
    );
    await Promise.all(
      attempts.map(async ({ delivery, url, body, key }) => {
        const headers = signedHeaders(key, delivery.eventId, body, this.clock.now());
        const result = await this.http.post(url, headers, body);
        await this.unitOfWork.run(async () =>
          this.record(await this.unitOfWork.manager(), delivery, result),
        );
      }),
    );
    return attempts.length;
  }

  /** Claims due deliveries and prepares what to send: the stored event as published. */
  private async claim(manager: EntityManager): Promise<PreparedAttempt[]> {
    const now = this.clock.now();
    const due: { id: string }[] = await manager
      .createQueryBuilder(WebhookDeliveryRecord, 'd')
      .select('d.id', 'id')
      .innerJoin(WebhookSubscriptionRecord, 's', 's.id = d.subscription_id')
      .where("d.status = 'pending' AND d.next_attempt_at <= :now", { now })
      .andWhere('(d.lease_until IS NULL OR d.lease_until < :now)')
      .andWhere('s.enabled = 1 AND s.discarded = 0')
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.subscription_id = d.subscription_id
           AND e.aggregate_id = d.aggregate_id AND e.status = 'pending'
           AND e.feed_position < d.feed_position)`,
      )
      .orderBy('d.next_attempt_at')
      .addOrderBy('d.feed_position')
      .limit(BATCH_SIZE)
      .getRawMany();
    if (due.length === 0) return [];
    const token = Identifier.generate();
    await manager
      .createQueryBuilder()
      .update(WebhookDeliveryRecord)
      .set({
        leaseOwner: token,
        leaseUntil: new Date(now.getTime() + this.config.webhooks.timeoutMs + LEASE_MARGIN_MS),
      })
      .where({ id: In(due.map((row) => row.id)) })
      .andWhere("status = 'pending' AND (lease_until IS NULL OR lease_until < :now)", { now })
      .execute();
    const claimed = await manager.findBy(WebhookDeliveryRecord, { leaseOwner: token });
    if (claimed.length === 0) return [];
    const [subscriptions, events] = await Promise.all([
      manager.findBy(WebhookSubscriptionRecord, {
        id: In([...new Set(claimed.map((delivery) => delivery.subscriptionId))]),
      }),
      manager.findBy(OutboxRecord, { id: In(claimed.map((delivery) => delivery.eventId)) }),
    ]);
    const subscriptionsById = new Map(subscriptions.map((record) => [record.id, record]));
    const eventsById = new Map(events.map((record) => [record.id, record]));
    return claimed.map((delivery) => {
      const subscription = subscriptionsById.get(delivery.subscriptionId)!;
      return {
        delivery,
        url: subscription.url,
        body: JSON.stringify(toCloudEvent(eventsById.get(delivery.eventId)!)),
        key: this.secrets.signingKey({
          keyId: subscription.secretKeyId,
          ciphertext: subscription.secretCiphertext,
        }),
      };
    });
  }

  private async record(
    manager: EntityManager,
    delivery: WebhookDeliveryRecord,
    result: AttemptResult,
  ): Promise<void> {
    const now = this.clock.now();
    const attempts = delivery.attempts + 1;
    const retryingSince = delivery.retryingSince ?? now;
    const outcome: WebhookDeliveryOutcome = result.delivered
      ? 'delivered'
      : this.schedule.givesUp(retryingSince, now)
        ? 'failed'
        : 'retried';
    await manager.update(
      WebhookDeliveryRecord,
      { id: delivery.id, leaseOwner: delivery.leaseOwner! },
      {
        status: outcome === 'retried' ? 'pending' : outcome,
        attempts,
        lastHttpStatus: result.status,
        lastResponse: result.body.slice(0, 1024),
        nextAttemptAt:
          outcome === 'retried'
            ? new Date(now.getTime() + this.schedule.delayAfter(attempts))
            : null,
        retryingSince: outcome === 'delivered' ? null : retryingSince,
        leaseOwner: null,
        leaseUntil: null,
        updatedAt: now,
      },
    );
    this.metrics.recordWebhookDelivery(outcome);
    if (outcome === 'failed') await this.disableIfNothingArrives(manager, delivery.subscriptionId);
  }

  /**
   * A delivery fails only after `giveUpAfterMs` (24 h) of attempts; if nothing at all reached
   * the subscription in that time either, it is switched off (an event records why).
   */
  private async disableIfNothingArrives(
    manager: EntityManager,
    subscriptionId: string,
  ): Promise<void> {
    const since = new Date(this.clock.now().getTime() - this.config.webhooks.giveUpAfterMs);
    const delivered = await manager
      .createQueryBuilder(WebhookDeliveryRecord, 'd')
      .where("d.subscription_id = :subscriptionId AND d.status = 'delivered'", { subscriptionId })
      .andWhere('d.updated_at >= :since', { since })
      .getCount();
    if (delivered === 0) {
      await this.commandBus.execute(new DisableWebhookCommand(subscriptionId, 'deliveries_failed'));
      this.logger.warn(`webhook ${subscriptionId} disabled: nothing delivered for 24 h`);
    }
  }
}
