import { OutboxWakeUp } from './outbox-wake-up';

describe('OutboxWakeUp', () => {
  it('wakes a waiting loop at once', async () => {
    const signal = new OutboxWakeUp();
    const started = Date.now();
    const waiting = signal.wait(10_000);
    signal.notify();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('coalesces notifications that arrive while nobody waits into one immediate return', async () => {
    const signal = new OutboxWakeUp();
    signal.notify();
    signal.notify();
    signal.notify();
    await signal.wait(10_000);

    const started = Date.now();
    await signal.wait(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
