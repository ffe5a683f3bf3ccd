/**
 * Exponential backoff with a ceiling: by default 100 ms, 200 ms, 400 ms ... up to 5 s while
 * failures go on, back to the start after a success. Something that is away (the relay's
 * broker, a consumer's database) is asked less and less often, and noticed within the ceiling
 * once it is back.
 */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly initialMs = 100,
    private readonly maximumMs = 5_000,
  ) {}

  /** The delay before the next attempt; each call counts one more failure. */
  nextDelay(): number {
    const delay = Math.min(this.maximumMs, this.initialMs * 2 ** this.failures);
    this.failures += 1;
    return delay;
  }

  reset(): void {
    this.failures = 0;
  }
}
