import type { WebhooksConfig } from '@servertree/platform';

/**
 * When to try a failed delivery again: exponential backoff from `retryFirstMs` (5 s by
 * default, so the first retry comes within 10 s), doubling up to `retryMaxMs`, each delay
 * jittered by ±20 % so that a receiver coming back is not hit by every delivery at once.
 * After `giveUpAfterMs` (24 h) of failures the delivery is failed.
 */
export class RetrySchedule {
  constructor(private readonly config: WebhooksConfig) {}

  /** Delay after the `attempts`-th failed attempt (1 for the first). */
  delayAfter(attempts: number): number {
    const base = Math.min(
      this.config.retryFirstMs * 2 ** Math.min(attempts - 1, 30),
      this.config.retryMaxMs,
    );
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  givesUp(retryingSince: Date, now: Date): boolean {
    return now.getTime() - retryingSince.getTime() >= this.config.giveUpAfterMs;
  }
}
