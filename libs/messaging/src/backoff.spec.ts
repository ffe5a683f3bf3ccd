import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles from the initial delay up to the ceiling, and starts over after a reset', () => {
    const backoff = new Backoff(100, 1_000);
    const delays = Array.from({ length: 6 }, () => backoff.nextDelay());
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000]);

    backoff.reset();
    expect(backoff.nextDelay()).toBe(100);
  });
});
