import { DomainEvent } from '@servertree/ddd';
import type { SubscriptionValues } from '../webhook-subscription.snapshot';

/** The subscription before and after the change; they differ in at least one field. */
export class WebhookChanged extends DomainEvent<{
  readonly before: SubscriptionValues;
  readonly after: SubscriptionValues;
}> {}
