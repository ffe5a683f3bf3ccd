import { DomainEvent } from '@servertree/ddd';
import type { SubscriptionValues } from '../webhook-subscription.snapshot';

export class WebhookCreated extends DomainEvent<SubscriptionValues> {}
