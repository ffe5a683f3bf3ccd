import { SubscriptionDetails, WebhookSubscription } from '../domain/webhook-subscription.aggregate';
import type { WebhookDeliveryState } from './in-memory-webhook-deliveries';
import { ReversibleWebhookSecrets } from './reversible-webhook-secrets';

export const SUBSCRIPTION_ID = '0196a0b4-7e1f-7a2b-8c3d-4e5f6a7b8c9d';
export const UNKNOWN_ID = '0196a0b4-7e1f-7a2b-8c3d-0000000000ff';
export const DELIVERY_ID = '0196a0b4-7e1f-7a2b-8c3d-00000000d001';
export const CREATED_AT = new Date('2026-01-01T00:00:00Z');

/** Object mother: a valid subscription, or delivery of one, unless a test says otherwise. */
export const WebhookSubscriptionMother = {
  /** A subscription's details (the body of POST /webhooks): the server events, to a public host. */
  details(overrides: Partial<SubscriptionDetails> = {}): SubscriptionDetails {
    return {
      url: 'https://hooks.example.com/servertree',
      eventTypes: ['server.server.*'],
      ...overrides,
    };
  },

  /** A created subscription (SUBSCRIPTION_ID, revision 1) whose created event has been taken. */
  created(overrides: Partial<SubscriptionDetails> = {}): WebhookSubscription {
    const subscription = WebhookSubscription.create(
      SUBSCRIPTION_ID,
      WebhookSubscriptionMother.details(overrides),
      new ReversibleWebhookSecrets().generate().sealed,
      CREATED_AT,
    );
    subscription.pullEvents();
    return subscription;
  },

  /** A delivery to SUBSCRIPTION_ID (DELIVERY_ID) that failed: its retry window ran out. */
  delivery(overrides: Partial<WebhookDeliveryState> = {}): WebhookDeliveryState {
    return {
      id: DELIVERY_ID,
      subscriptionId: SUBSCRIPTION_ID,
      status: 'failed',
      nextAttemptAt: null,
      retryingSince: CREATED_AT,
      updatedAt: CREATED_AT,
      ...overrides,
    };
  },
};
