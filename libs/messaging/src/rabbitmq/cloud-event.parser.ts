import type { CloudEvent } from '../contracts/cloud-event';

const TEXT_ATTRIBUTES = ['id', 'type', 'subject', 'time', 'correlationid', 'actor'] as const;

/**
 * The CloudEvent in a message body, or undefined when the body is not one: such a message can
 * never be processed, however often it is retried.
 */
export function parseCloudEvent(content: Buffer): CloudEvent | undefined {
  let body: unknown;
  try {
    body = JSON.parse(content.toString('utf8'));
  } catch {
    return undefined;
  }
  return isCloudEvent(body) ? body : undefined;
}

function isCloudEvent(body: unknown): body is CloudEvent {
  if (typeof body !== 'object' || body === null) return false;
  const event = body as Record<string, unknown>;
  return (
    event.specversion === '1.0' &&
    TEXT_ATTRIBUTES.every((attribute) => typeof event[attribute] === 'string') &&
    Number.isInteger(event.aggregaterevision) &&
    'data' in event
  );
}
