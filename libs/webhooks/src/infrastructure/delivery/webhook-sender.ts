import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock, Identifier } from '@servertree/ddd';
import { BackgroundLoop, errorMessage, OutboxRecord, toCloudEvent } from '@servertree/messaging';
import { AppConfig, Metrics, UnitOfWork, type WebhookDeliveryOutcome } from '@servertree/platform';
import { Brackets, EntityManager, In } from 'typeorm';
import { DisableWebhookCommand } from '../../application/commands/disable-webhook/disable-webhook.command';
import { WebhookDeliveryRecord } from '../persistence/webhook-delivery.record';
import { WebhookSubscriptionRecord } from '../persistence/webhook-subscription.record';
import { RetrySchedule } from './retry-schedule';
import { SealedWebhookSecrets } from './sealed-webhook-secrets';
import { WebhookDispatcher } from './webhook-dispatcher';
import { AttemptResult, WebhookHttpClient } from './webhook-http-client';
import { signedHeaders } from './webhook-signature';

/**
 * Attempts in flight at once per instance, each to a different (subscription, aggregate) line.
 * The pool is refilled as each attempt finishes, so a slow receiver holds one slot, not a batch.
 */
const CONCURRENCY = 64;
/** Retry timers come due without a nudge: how often a busy or idle sender looks for them. */
const POLL_INTERVAL_MS = 250;
/** A claim outlives the attempt's timeout by this much before another instance may take over. */
const LEASE_MARGIN_MS = 30_000;

interface PreparedAttempt {
  readonly delivery: WebhookDeliveryRecord;
  readonly url: string;
  readonly body: string;
  readonly key: Buffer;
}

interface FinishedAttempt {
  readonly delivery: WebhookDeliveryRecord;
  readonly result: AttemptResult;
}

/**
 * Sends due deliveries and records how it went. Safe with several instances and crashes:
 *
 * - Only the head of each line is due: the oldest pending delivery of an aggregate for a
 *   subscription. A failing event therefore holds back that aggregate's later events for that
 *   subscription only; other aggregates and other subscriptions flow. An attempt in flight, or
 *   finished but not yet recorded, is still pending, so its line stays held until it is recorded.
 * - A delivery is claimed with a lease (`UPDATE ... WHERE lease_until < now`, never a named
 *   lock), so two instances never send it at the same time; the claim that wins is the one
 *   whose token the row now carries, and results are recorded only where that token still is.
 * - A crash mid-attempt leaves the row pending with a lease that expires; then it is sent again
 *   (at least once). Receivers dedupe on `webhook-id`, the event id.
 *
 * Throughput (docs/adr/0016-feed-webhooks.md): up to CONCURRENCY attempts are in flight, claimed
 * as slots free up; results that finish together are recorded in one transaction, successes
 * with one statement per distinct answer; a subscription's secret is opened once per sealed
 * value, not per attempt.
 */
@Injectable()
export class WebhookSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookSender.name);
  private readonly schedule: RetrySchedule;
  private readonly inFlight = new Set<Promise<void>>();
  private finished: FinishedAttempt[] = [];
  /** Opened signing keys by subscription, valid while its sealed secret is the same. */
  private readonly keys = new Map<string, { ciphertext: string; key: Buffer }>();
  private nudged = false;
  private wakeUp: (() => void) | undefined;
  private readonly loop = new BackgroundLoop(
    'send webhook deliveries',
    (signal) => this.pump(signal),
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
    dispatcher.onDispatched(() => this.nudge());
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /**
   * The client's connections are closed only after the last attempt is recorded. Nest runs one
   * module's destroy hooks side by side, so a client closing itself cut off the attempts still in
   * flight: answers receivers had already given were lost and those deliveries sent again.
   */
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    this.http.close();
  }

  private nudge(): void {
    this.nudged = true;
    this.wakeUp?.();
    this.loop.nudge();
  }

  /**
   * Keeps the pool of attempts full until nothing is due and nothing is in flight. Stopping
   * claims nothing more but lets the attempts in flight finish (bounded by the timeout) and
   * records them, so a clean shutdown leaves no lease to wait out.
   */
  private async pump(signal: AbortSignal): Promise<void> {
    for (;;) {
      if (!signal.aborted) await this.refill();
      if (this.inFlight.size === 0) break;
      await this.nextWakeUp(signal);
      await this.recordFinished();
    }
    await this.recordFinished();
  }

  /** Resolves when an attempt finishes, deliveries were added, or the poll interval passed. */
  private nextWakeUp(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.all(this.inFlight).then(() => undefined);
    if (this.nudged || this.finished.length > 0) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      ...this.inFlight,
      new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        timer = setTimeout(resolve, POLL_INTERVAL_MS);
      }),
    ]).finally(() => {
      clearTimeout(timer);
      this.wakeUp = undefined;
    });
  }

  private async refill(): Promise<void> {
    this.nudged = false;
    const free = CONCURRENCY - this.inFlight.size;
    if (free <= 0) return;
    const attempts = await this.unitOfWork.run(async () =>
      this.claim(await this.unitOfWork.manager(), free),
    );
    for (const attempt of attempts) {
      const sending: Promise<void> = this.attempt(attempt)
        .then((result) => {
          this.finished.push({ delivery: attempt.delivery, result });
        })
        .finally(() => this.inFlight.delete(sending));
      this.inFlight.add(sending);
    }
  }

  private async attempt({ delivery, url, body, key }: PreparedAttempt): Promise<AttemptResult> {
    try {
      const headers = signedHeaders(key, delivery.eventId, body, this.clock.now());
      return await this.http.post(url, headers, body);
    } catch (error) {
      return { delivered: false, status: null, body: errorMessage(error) };
    }
  }

  /** Claims due deliveries and prepares what to send: the stored event as published. */
  private async claim(manager: EntityManager, limit: number): Promise<PreparedAttempt[]> {
    const now = this.clock.now();
    const enabled: { id: string }[] = await manager.query(
      'SELECT id FROM webhook_subscriptions WHERE enabled = 1 AND discarded = 0',
    );
    if (enabled.length === 0) return [];
    // Subscriptions as a list of ids rather than a join, and ordered by next_attempt_at alone:
    // so the due index is walked in order and the LIMIT stops it, instead of every delivery
    // the subscription ever had being read and sorted on each claim. Ties come in id order,
    // which is the order the dispatcher added them in (UUID v7).
    const due: { id: string }[] = await manager
      .createQueryBuilder(WebhookDeliveryRecord, 'd')
      .select('d.id', 'id')
      .where("d.status = 'pending' AND d.next_attempt_at <= :now", { now })
      .andWhere('(d.lease_until IS NULL OR d.lease_until < :now)')
      .andWhere('d.subscription_id IN (:...subscriptions)', {
        subscriptions: enabled.map((row) => row.id),
      })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.subscription_id = d.subscription_id
           AND e.aggregate_id = d.aggregate_id AND e.status = 'pending'
           AND e.feed_position < d.feed_position)`,
      )
      .orderBy('d.next_attempt_at')
      .limit(limit)
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
        key: this.signingKey(subscription),
      };
    });
  }

  private signingKey(subscription: WebhookSubscriptionRecord): Buffer {
    const cached = this.keys.get(subscription.id);
    if (cached?.ciphertext === subscription.secretCiphertext) return cached.key;
    const key = this.secrets.signingKey({
      keyId: subscription.secretKeyId,
      ciphertext: subscription.secretCiphertext,
    });
    this.keys.set(subscription.id, { ciphertext: subscription.secretCiphertext, key });
    return key;
  }

  /** Records every finished attempt in one transaction. */
  private async recordFinished(): Promise<void> {
    const finished = this.finished.splice(0);
    if (finished.length === 0) return;
    await this.unitOfWork.run(async () => {
      const manager = await this.unitOfWork.manager();
      const delivered = finished.filter(({ result }) => result.delivered);
      await this.recordDelivered(manager, delivered);
      for (const { delivery, result } of finished) {
        if (!result.delivered) await this.recordFailedAttempt(manager, delivery, result);
      }
    });
  }

  /**
   * Successes share every column but the receiver's answer, and receivers mostly answer alike:
   * one UPDATE per distinct answer, each row matched with the lease token it was claimed with.
   */
  private async recordDelivered(
    manager: EntityManager,
    delivered: readonly FinishedAttempt[],
  ): Promise<void> {
    const byAnswer = new Map<string, FinishedAttempt[]>();
    for (const attempt of delivered) {
      const answer = JSON.stringify([attempt.result.status, attempt.result.body]);
      byAnswer.set(answer, [...(byAnswer.get(answer) ?? []), attempt]);
    }
    const now = this.clock.now();
    for (const group of byAnswer.values()) {
      const { status, body } = group[0].result;
      const claims = new Brackets((where) => {
        group.forEach(({ delivery }, index) =>
          where.orWhere(`(id = :id${index} AND lease_owner = :owner${index})`, {
            [`id${index}`]: delivery.id,
            [`owner${index}`]: delivery.leaseOwner,
          }),
        );
      });
      await manager
        .createQueryBuilder()
        .update(WebhookDeliveryRecord)
        .set({
          status: 'delivered',
          attempts: () => 'attempts + 1',
          lastHttpStatus: status,
          lastResponse: body.slice(0, 1024),
          nextAttemptAt: null,
          retryingSince: null,
          leaseOwner: null,
          leaseUntil: null,
          updatedAt: now,
        })
        .where(claims)
        .execute();
      for (let index = 0; index < group.length; index++) {
        this.metrics.recordWebhookDelivery('delivered');
      }
    }
  }

  /** A failure gets its own backoff (with jitter), so it is one UPDATE per delivery. */
  private async recordFailedAttempt(
    manager: EntityManager,
    delivery: WebhookDeliveryRecord,
    result: AttemptResult,
  ): Promise<void> {
    const now = this.clock.now();
    const attempts = delivery.attempts + 1;
    const retryingSince = delivery.retryingSince ?? now;
    const outcome: WebhookDeliveryOutcome = this.schedule.givesUp(retryingSince, now)
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
        retryingSince,
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
