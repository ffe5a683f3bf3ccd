import {
  AggregateLifecycle,
  AggregateRoot,
  ConflictError,
  InvalidInputError,
  optional,
  requireText,
  unregistered,
  validateAll,
} from '@servertree/ddd';
import { EventTypePatterns } from './event-type-patterns.value-object';
import { WebhookChanged } from './events/webhook-changed.event';
import { WebhookCreated } from './events/webhook-created.event';
import { WebhookDisabled, type WebhookDisabledReason } from './events/webhook-disabled.event';
import { WebhookRemoved } from './events/webhook-removed.event';
import type { SealedWebhookSecret } from './webhook-secret';
import type {
  SubscriptionValues,
  WebhookSubscriptionSnapshot,
} from './webhook-subscription.snapshot';
import { WebhookUrl } from './webhook-url.value-object';

interface SubscriptionProps {
  readonly url: WebhookUrl;
  readonly eventTypes: EventTypePatterns;
  readonly description: string | null;
  readonly enabled: boolean;
}

/** Raw input: the value objects decide whether it is acceptable. */
export interface SubscriptionDetails {
  readonly url: unknown;
  readonly eventTypes: unknown;
  readonly description?: unknown;
  readonly enabled?: unknown;
}

/**
 * Someone outside who wants the events of some types POSTed to a URL, signed with a secret only
 * they and the service know. Every change is recorded like any other aggregate's; the secret
 * never leaves in an event or a snapshot.
 */
export class WebhookSubscription extends AggregateRoot {
  protected readonly aggregateType = 'WebhookSubscription';

  private constructor(
    id: string,
    private props: SubscriptionProps,
    readonly secret: SealedWebhookSecret,
    lifecycle: AggregateLifecycle,
  ) {
    super(id, lifecycle);
  }

  static create(
    id: string,
    details: SubscriptionDetails,
    secret: SealedWebhookSecret,
    at: Date,
  ): WebhookSubscription {
    const props = WebhookSubscription.validate({ enabled: true, ...details });
    const subscription = new WebhookSubscription(id, props, secret, unregistered(at));
    subscription.recordChange(WebhookCreated, subscription.values(), at);
    return subscription;
  }

  static reconstitute(
    id: string,
    details: {
      url: string;
      eventTypes: readonly string[];
      description: string | null;
      enabled: boolean;
    },
    secret: SealedWebhookSecret,
    lifecycle: AggregateLifecycle,
  ): WebhookSubscription {
    return new WebhookSubscription(id, WebhookSubscription.validate(details), secret, lifecycle);
  }

  get url(): WebhookUrl {
    return this.props.url;
  }

  get enabled(): boolean {
    return this.props.enabled;
  }

  /**
   * Changes the given fields. Turning `enabled` off and nothing else is recorded as
   * `webhook.disabled`; any other change as `webhook.changed`.
   */
  change(changes: Partial<SubscriptionDetails>, at: Date): void {
    this.assertNotDiscarded();
    const before = this.values();
    const next = WebhookSubscription.validate({
      url: changes.url ?? before.url,
      eventTypes: changes.eventTypes ?? before.eventTypes,
      description: changes.description === undefined ? before.description : changes.description,
      enabled: changes.enabled ?? before.enabled,
    });
    this.props = next;
    const after = this.values();
    if (JSON.stringify(after) === JSON.stringify(before)) return;
    const onlyDisables =
      !after.enabled && JSON.stringify({ ...after, enabled: true }) === JSON.stringify(before);
    if (onlyDisables) this.recordChange(WebhookDisabled, { reason: 'requested' }, at);
    else this.recordChange(WebhookChanged, { before, after }, at);
  }

  /** Stops deliveries; a no-op when already disabled. */
  disable(reason: WebhookDisabledReason, at: Date): void {
    this.assertNotDiscarded();
    if (!this.props.enabled) return;
    this.props = { ...this.props, enabled: false };
    this.recordChange(WebhookDisabled, { reason }, at);
  }

  /**
   * A failed delivery is retried by hand only if it will be sent: a removed subscription
   * accepts no command, and a disabled one is sent nothing until it is enabled again.
   */
  assertAcceptsRetries(): void {
    this.assertNotDiscarded();
    if (!this.props.enabled) {
      throw new ConflictError(
        `WebhookSubscription ${this.id} is disabled and is sent nothing: enable it, then retry its failed deliveries`,
      );
    }
  }

  remove(at: Date): void {
    this.assertNotDiscarded();
    this.markDiscarded();
    this.recordChange(WebhookRemoved, {}, at);
  }

  values(): SubscriptionValues {
    return {
      url: this.props.url.value,
      eventTypes: this.props.eventTypes.patterns,
      description: this.props.description,
      enabled: this.props.enabled,
    };
  }

  snapshot(): WebhookSubscriptionSnapshot {
    return {
      id: this.id,
      ...this.values(),
      revision: this.revision,
      createdAt: this.createdAt.toISOString(),
      updatedAt: this.updatedAt.toISOString(),
      discarded: this.discarded,
    };
  }

  private static validate(details: SubscriptionDetails): SubscriptionProps {
    return validateAll({
      url: () => WebhookUrl.create(details.url),
      eventTypes: () => EventTypePatterns.create(details.eventTypes),
      description: () =>
        optional(details.description, (value) =>
          requireText('description', value, { min: 0, max: 500, trim: true }),
        ),
      enabled: () => {
        if (typeof details.enabled !== 'boolean') {
          throw InvalidInputError.single('enabled', 'enabled must be true or false');
        }
        return details.enabled;
      },
    });
  }
}
