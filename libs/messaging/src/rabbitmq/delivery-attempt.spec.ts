import type { ConsumeMessage } from 'amqplib';
import { deliveryAttempt } from './delivery-attempt';

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
