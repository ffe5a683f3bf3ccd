import type { EventContract } from '@servertree/messaging';
import { fieldChanges, modifiedDataSchema, NO_DATA, objectSchema } from '@servertree/messaging';
import { WebhookChanged } from '../../domain/events/webhook-changed.event';
import { WebhookCreated } from '../../domain/events/webhook-created.event';
import { WebhookDisabled } from '../../domain/events/webhook-disabled.event';
import { WebhookRemoved } from '../../domain/events/webhook-removed.event';

const URL_SCHEMA = { type: 'string', format: 'uri', maxLength: 2048 };
const EVENT_TYPES = { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 32 };
const DESCRIPTION = { type: ['string', 'null'], maxLength: 500 };

const created: EventContract<WebhookCreated> = {
  event: WebhookCreated,
  type: 'server.webhook.created',
  toData: ({ aggregateId, revision, occurredAt, data }) => ({
    id: aggregateId,
    ...data,
    revision,
    createdAt: occurredAt.toISOString(),
    updatedAt: occurredAt.toISOString(),
    discarded: false,
  }),
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
};

const changed: EventContract<WebhookChanged> = {
  event: WebhookChanged,
  type: 'server.webhook.changed',
  toData: ({ data }) => ({
    changes: fieldChanges(data.before, data.after).toJSON(),
  }),
  summary: 'A webhook subscription was changed; data lists only the fields that changed.',
  dataSchema: modifiedDataSchema({
    url: URL_SCHEMA,
    eventTypes: EVENT_TYPES,
    description: DESCRIPTION,
    enabled: { type: 'boolean' },
  }),
};

const disabled: EventContract<WebhookDisabled> = {
  event: WebhookDisabled,
  type: 'server.webhook.disabled',
  toData: ({ data }) => data,
  summary:
    'A webhook subscription stopped receiving events: an admin disabled it, or nothing could be delivered for 24 h.',
  dataSchema: objectSchema({
    reason: { type: 'string', enum: ['requested', 'deliveries_failed'] },
  }),
};

const removed: EventContract<WebhookRemoved> = {
  event: WebhookRemoved,
  type: 'server.webhook.removed',
  summary: 'A webhook subscription was removed; its pending deliveries were dropped.',
  ...NO_DATA,
};

/** The subscriptions' published events; none of them ever carries the secret. */
export const WEBHOOK_PUBLISHED_EVENTS: readonly EventContract[] = [
  created,
  changed,
  disabled,
  removed,
];
