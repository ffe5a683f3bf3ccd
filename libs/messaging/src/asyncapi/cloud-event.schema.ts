import { CLOUD_EVENT_SOURCE } from '../outbox/cloud-event.mapper';
import type { JsonSchema } from '../contracts/json-schema';

/** The envelope every message shares (SPEC §4); each message narrows `type` and `data`. */
export const CLOUD_EVENT_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'A CloudEvents 1.0 structured event.',
  additionalProperties: false,
  required: [
    'specversion',
    'id',
    'source',
    'type',
    'subject',
    'time',
    'datacontenttype',
    'aggregaterevision',
    'correlationid',
    'actor',
    'data',
  ],
  properties: {
    specversion: { const: '1.0' },
    id: {
      type: 'string',
      format: 'uuid',
      description:
        'Event id (UUID v7), also the AMQP message-id. Delivery is at least once: dedupe on it.',
    },
    source: { const: CLOUD_EVENT_SOURCE },
    type: { type: 'string', description: 'Event type, also the routing key.' },
    subject: { type: 'string', format: 'uuid', description: 'Id of the aggregate that changed.' },
    time: { type: 'string', format: 'date-time', description: 'When the change happened (UTC).' },
    datacontenttype: { const: 'application/json' },
    aggregaterevision: {
      type: 'integer',
      minimum: 1,
      description:
        'Revision of the aggregate after this change. Per aggregate, events are published in revision order.',
    },
    correlationid: {
      type: 'string',
      minLength: 1,
      description: 'X-Request-ID of the request behind the change, or of the event that caused it.',
    },
    actor: { type: 'string', minLength: 1, description: 'Who made the change.' },
    data: { description: 'Depends on the type; see each message.' },
    traceparent: {
      type: 'string',
      pattern: '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description:
        'W3C trace context of the write behind the change (CloudEvents distributed tracing ' +
        "extension), also sent as the AMQP header `traceparent`. Continue it to join the write's trace.",
    },
  },
};
