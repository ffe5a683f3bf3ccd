import { WebhookSubscription } from '../../domain/webhook-subscription.aggregate';
import { WebhookSubscriptionRecord } from './webhook-subscription.record';

export const WebhookSubscriptionMapper = {
  toRecord(subscription: WebhookSubscription): WebhookSubscriptionRecord {
    const snapshot = subscription.snapshot();
    return {
      id: subscription.id,
      url: snapshot.url,
      eventTypes: JSON.stringify(snapshot.eventTypes),
      description: snapshot.description,
      enabled: snapshot.enabled,
      secretKeyId: subscription.secret.keyId,
      secretCiphertext: subscription.secret.ciphertext,
      revision: subscription.revision,
      createdAt: subscription.createdAt,
      updatedAt: subscription.updatedAt,
      discarded: subscription.discarded,
    };
  },

  toDomain(record: WebhookSubscriptionRecord): WebhookSubscription {
    return WebhookSubscription.reconstitute(
      record.id,
      {
        url: record.url,
        eventTypes: JSON.parse(record.eventTypes),
        description: record.description,
        enabled: Boolean(record.enabled),
      },
      { keyId: record.secretKeyId, ciphertext: record.secretCiphertext },
      {
        revision: record.revision,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        discarded: Boolean(record.discarded),
      },
    );
  },
};
