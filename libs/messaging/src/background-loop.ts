import { Logger } from '@nestjs/common';
import { errorMessage } from './error-message';
import { OutboxWakeUp } from './outbox/outbox-wake-up';

/**
 * A round of background work run again and again: when nudged (coalesced), else every
 * `pollMs`, until stopped. A failing round is logged and the loop goes on; stopping waits for
 * the running round. Started from `onApplicationBootstrap`, outside any request or command, so
 * no transaction context leaks into it.
 */
export class BackgroundLoop {
  private readonly wakeUp = new OutboxWakeUp();
  private readonly stopping = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly what: string,
    private readonly round: (signal: AbortSignal) => Promise<unknown>,
    private readonly pollMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.wakeUp.notify();
    await this.running;
  }

  /** Run a round now rather than at the next poll. Cheap; coalesces. */
  nudge(): void {
    this.wakeUp.notify();
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        await this.round(this.stopping.signal);
      } catch (error) {
        this.logger.warn(`could not ${this.what}: ${errorMessage(error)}`);
      }
      await this.wakeUp.wait(this.pollMs);
    }
  }
}
