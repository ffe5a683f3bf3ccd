import { Logger } from '@nestjs/common';

/**
 * Runs a clean-up (deleting expired rows) every `everyMs` while the module lives. Its timer
 * never keeps the process alive, and a failed sweep is only logged: the next one retries.
 */
export class PeriodicSweep {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly name: string,
    private readonly sweep: () => Promise<unknown>,
    private readonly everyMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) =>
        new Logger('Retention').warn(`${this.name} clean-up failed: ${String(error)}`),
      );
    }, this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
