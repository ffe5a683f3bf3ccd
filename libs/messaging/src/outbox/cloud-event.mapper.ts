import type { CloudEvent } from '../contracts/cloud-event';
import type { OutboxRecord } from './outbox.record';

/** The AMQP content type of a CloudEvents structured-mode message. */
export const CLOUD_EVENT_CONTENT_TYPE = 'application/cloudevents+json';

/** Who produced the events: this service, whichever instance or host. */
export const CLOUD_EVENT_SOURCE = '/servertree';

/** The published form of a stored event; also what the history endpoints answer. */
export function toCloudEvent(record: OutboxRecord): CloudEvent {
  return {
    specversion: '1.0',
    id: record.id,
    source: CLOUD_EVENT_SOURCE,
    type: record.type,
    subject: record.aggregateId,
    time: record.occurredAt.toISOString(),
    datacontenttype: 'application/json',
    aggregaterevision: record.aggregateRevision,
    correlationid: record.correlationId,
    actor: record.actor,
    data: JSON.parse(record.data),
    ...(record.traceparent ? { traceparent: record.traceparent } : {}),
  };
}
