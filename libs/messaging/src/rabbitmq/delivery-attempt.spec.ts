import type { ConsumeMessage } from 'amqplib';
import {
  CARRIED_FAILURES_HEADER,
  deliveryAttempt,
  headersCarryingFailures,
} from './delivery-attempt';

function withDeaths(deaths: readonly object[] | undefined): ConsumeMessage {
  return { properties: { headers: deaths ? { 'x-death': deaths } : {} } } as ConsumeMessage;
}

describe('deliveryAttempt', () => {
  it('is the first attempt for a message that never died', () => {
    expect(deliveryAttempt(withDeaths(undefined), 'q')).toBe(1);
  });

  it("counts the consumer's rejections and the quorum queue's delivery-limit deaths from that queue", () => {
    const message = withDeaths([
      { queue: 'q.retry', reason: 'expired', count: 3 },
      { queue: 'q', reason: 'rejected', count: 3 },
      { queue: 'q', reason: 'delivery_limit', count: 1 },
      { queue: 'other', reason: 'rejected', count: 7 },
    ]);
    expect(deliveryAttempt(message, 'q')).toBe(5);
  });
});

describe('a copy that carries its failed attempts', () => {
  it('counts them with the ones RabbitMQ records after it, and drops the death records it would count again', () => {
    const rejectedTwice = withDeaths([
      { queue: 'q', reason: 'rejected', count: 2 },
      { queue: 'q.retry', reason: 'expired', count: 2 },
    ]);
    const headers = headersCarryingFailures(rejectedTwice, deliveryAttempt(rejectedTwice, 'q'));
    expect(headers).toEqual({ [CARRIED_FAILURES_HEADER]: 2 });

    const copyRejectedOnce = {
      properties: {
        headers: { ...headers, 'x-death': [{ queue: 'q', reason: 'rejected', count: 1 }] },
      },
    } as unknown as ConsumeMessage;
    expect(deliveryAttempt(copyRejectedOnce, 'q')).toBe(4);
  });
});
