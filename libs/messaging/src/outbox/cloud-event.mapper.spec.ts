import { toCloudEvent, toCloudEventJson } from './cloud-event.mapper';
import { OutboxRecord } from './outbox.record';

function record(overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return Object.assign(new OutboxRecord(), {
    sequence: '42',
    id: '0193a1b2-0000-7000-8000-000000000001',
    type: 'server.application.modified',
    aggregateType: 'application',
    aggregateId: '0193a1b2-0000-7000-8000-0000000000aa',
    aggregateRevision: 3,
    occurredAt: new Date('2026-12-01T22:00:00.123Z'),
    correlationId: 'req-1',
    actor: 'alice',
    data: JSON.stringify({ changes: { version: { from: '1.0', to: '1.1 "beta" \u2028 ü' } } }),
    traceparent: null,
    feedPosition: null,
    publishedAt: null,
    ...overrides,
  });
}

describe('toCloudEventJson', () => {
  it.each([
    ['without a trace context', record()],
    ['with a trace context', record({ traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` })],
    ['with data that is not an object', record({ data: '[1,null,"x"]' })],
  ])('is the CloudEvent toCloudEvent gives, as JSON text (%s)', (_, stored) => {
    expect(JSON.parse(toCloudEventJson(stored))).toStrictEqual(toCloudEvent(stored));
  });
});
