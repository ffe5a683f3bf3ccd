import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, Identifier } from '@servertree/ddd';
import {
  BackgroundLoop,
  ChangeFeed,
  FeedCursor,
  FeedSequencer,
  TopicPattern,
} from '@servertree/messaging';
import { booleanFrom, UnitOfWork } from '@servertree/platform';
import { WebhookDeliveryRecord } from '../persistence/webhook-delivery.record';

/** Events read from the feed per subscription and transaction. */
const BATCH_SIZE = 500;
/** Bound on noticing events positioned by another instance. */
const POLL_INTERVAL_MS = 500;

interface SubscriptionRow {
  id: string;
  event_types: string;
  enabled: number | boolean;
}

/**
 * Turns stored events into deliveries: for each subscription, follows the change feed from the
 * subscription's own cursor and inserts one `webhook_deliveries` row per matching event, moving
 * the cursor in the same transaction. Deliveries therefore come from the outbox, never from
 * memory, and survive any restart; the feed's visibility order means no event is skipped.
 *
 * Several instances may run it: the cursor row is locked first (an UPDATE, which SQLite and
 * InnoDB both honour), so one subscription is fed by one instance at a time, and the unique
 * (subscription, event) index would refuse a duplicate anyway. A disabled subscription's
 * cursor moves on without deliveries: it receives nothing that happened while it was off.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly listeners = new Set<() => void>();
  private readonly loop = new BackgroundLoop(
    'dispatch webhook deliveries',
    (signal) => this.dispatchAll(signal),
    POLL_INTERVAL_MS,
    new Logger(WebhookDispatcher.name),
  );

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly feed: ChangeFeed,
    private readonly clock: Clock,
    sequencer: FeedSequencer,
  ) {
    sequencer.onPositioned(() => this.loop.nudge());
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Called after deliveries were added (the sender wakes up on it). */
  onDispatched(listener: () => void): void {
    this.listeners.add(listener);
  }

  async dispatchAll(signal?: AbortSignal): Promise<void> {
    const subscriptions: SubscriptionRow[] = await this.unitOfWork.run(async () =>
      (await this.unitOfWork.manager()).query(
        'SELECT id, event_types, enabled FROM webhook_subscriptions WHERE discarded = 0',
      ),
    );
    let added = 0;
    for (const subscription of subscriptions) {
      if (signal?.aborted) break;
      for (;;) {
        const { advanced, inserted } = await this.dispatchBatch(subscription);
        added += inserted;
        if (!advanced) break;
      }
    }
    if (added > 0) for (const listener of this.listeners) listener();
  }

  private dispatchBatch(
    subscription: SubscriptionRow,
  ): Promise<{ advanced: boolean; inserted: number }> {
    const patterns = (JSON.parse(subscription.event_types) as string[]).map((pattern) =>
      TopicPattern.parse(pattern, 'eventTypes'),
    );
    return this.unitOfWork.run(async () => {
      const manager = await this.unitOfWork.manager();
      await manager.query(
        'UPDATE webhook_dispatch_cursors SET position = position WHERE subscription_id = ?',
        [subscription.id],
      );
      const [cursor] = await manager.query(
        'SELECT position FROM webhook_dispatch_cursors WHERE subscription_id = ?',
        [subscription.id],
      );
      const from = Number(cursor?.position ?? 0);
      const slice = await this.feed.read(FeedCursor.after(from), BATCH_SIZE, patterns);
      const events = booleanFrom(subscription.enabled) ? slice.events : [];
      if (events.length > 0) {
        const now = this.clock.now();
        await manager.insert(
          WebhookDeliveryRecord,
          events.map((event) => ({
            id: Identifier.generate(),
            subscriptionId: subscription.id,
            eventId: event.id,
            eventType: event.type,
            aggregateId: event.subject,
            feedPosition: String(event.sequence),
            status: 'pending' as const,
            attempts: 0,
            lastHttpStatus: null,
            lastResponse: null,
            nextAttemptAt: now,
            retryingSince: null,
            leaseOwner: null,
            leaseUntil: null,
            createdAt: now,
            updatedAt: now,
          })),
        );
      }
      if (slice.position > from) {
        await manager.query(
          'UPDATE webhook_dispatch_cursors SET position = ? WHERE subscription_id = ?',
          [slice.position, subscription.id],
        );
      }
      return { advanced: slice.position > from, inserted: events.length };
    });
  }
}
