import type { CloudEvent } from '../contracts/cloud-event';
import type { OutboxRecord } from './outbox.record';

/** The AMQP content type of a CloudEvents structured-mode message. */
export const CLOUD_EVENT_CONTENT_TYPE = 'application/cloudevents+json';

/** Who produced the events: this service, whichever instance or host. */
export const CLOUD_EVENT_SOURCE = '/servertree';

/** The published form of a stored event; also what the history endpoints answer. */
export function toCloudEvent(record: OutboxRecord): CloudEvent {
  return Object.assign(envelopeOf(record), { data: JSON.parse(record.data) as unknown });
}

/**
 * The same CloudEvent as JSON text, as it goes on the wire. The stored `data` is already JSON
 * text and is spliced in as it is, rather than parsed and serialised again for every event the
 * relay sends.
 */
export function toCloudEventJson(record: OutboxRecord): string {
  const envelope = JSON.stringify(envelopeOf(record));
  return `${envelope.slice(0, -1)},"data":${record.data}}`;
}

function envelopeOf(record: OutboxRecord): Omit<CloudEvent, 'data'> {
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
    ...(record.traceparent ? { traceparent: record.traceparent } : {}),
  };
}
