/**
 * Wakes a loop that waits for work. Notifications coalesce: however many arrive while the loop
 * is busy, its next wait returns at once, and only that one.
 */
export class OutboxWakeUp {
  private pending = false;
  private wake: (() => void) | undefined;

  notify(): void {
    this.pending = true;
    this.wake?.();
  }

  /** Resolves at the next notification (at once if one is pending), or after `timeoutMs`. */
  async wait(timeoutMs: number): Promise<void> {
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    this.pending = false;
  }
}
