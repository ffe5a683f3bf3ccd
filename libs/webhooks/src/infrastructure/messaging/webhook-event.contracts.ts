import type { EventContract } from '@servertree/messaging';
import { modifiedDataSchema, objectSchema } from '@servertree/messaging';
import { WebhookChanged } from '../../domain/events/webhook-changed.event';
import { WebhookCreated } from '../../domain/events/webhook-created.event';
import { WebhookDisabled } from '../../domain/events/webhook-disabled.event';
import { WebhookRemoved } from '../../domain/events/webhook-removed.event';

const URL_SCHEMA = { type: 'string', format: 'uri', maxLength: 2048 };
const EVENT_TYPES = { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 32 };
const DESCRIPTION = { type: ['string', 'null'], maxLength: 500 };

/** The subscriptions' published events; none of them ever carries the secret. */
export const WEBHOOK_EVENT_CONTRACTS: readonly EventContract[] = [
  {
    event: WebhookCreated,
    summary: 'A webhook subscription was created; data is the subscription without its secret.',
    dataSchema: objectSchema({
      id: { type: 'string', format: 'uuid' },
      url: URL_SCHEMA,
      eventTypes: EVENT_TYPES,
      description: DESCRIPTION,
      enabled: { type: 'boolean' },
      revision: { type: 'integer', minimum: 1 },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      discarded: { type: 'boolean' },
    }),
  },
  {
    event: WebhookChanged,
    summary: 'A webhook subscription was changed; data lists only the fields that changed.',
    dataSchema: modifiedDataSchema({
      url: URL_SCHEMA,
      eventTypes: EVENT_TYPES,
      description: DESCRIPTION,
      enabled: { type: 'boolean' },
    }),
  },
  {
    event: WebhookDisabled,
    summary:
      'A webhook subscription stopped receiving events: an admin disabled it, or nothing could be delivered for 24 h.',
    dataSchema: objectSchema({
      reason: { type: 'string', enum: ['requested', 'deliveries_failed'] },
    }),
  },
  {
    event: WebhookRemoved,
    summary: 'A webhook subscription was removed; its pending deliveries were dropped.',
    dataSchema: objectSchema({}),
  },
];
