import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { Clock } from '@servertree/ddd';
import { toCloudEvent } from './cloud-event.mapper';
import { errorMessage } from '../error-message';
import { EventTransport } from '../event-transport';
import { OutboxBackoff } from './outbox-backoff';
import { OutboxLock } from './outbox-lock';
import { OutboxDrain } from './outbox-drain';
import { OutboxWakeUp } from './outbox-wake-up';

/** Events per round trip: large enough for throughput, small enough to keep memory flat. */
const BATCH_SIZE = 500;

/** How long the relay sleeps when nobody nudges it: the bound on picking up others' rows. */
const POLL_INTERVAL_MS = 500;

/**
 * Moves stored events from the outbox to the transport, oldest first, and marks what the
 * transport confirmed. One loop per process, so batches never overlap; across processes the
 * outbox's drain lock takes over that role.
 *
 * It runs when nudged (right after a commit, through the OutboxSaga), every
 * `POLL_INTERVAL_MS` (rows committed by other instances, rows left by a crash), and with
 * exponential backoff while delivery fails (broker away), so writes go on regardless and
 * everything pending leaves as soon as the broker is back. Delivery is at least once: an event
 * confirmed but not yet marked when the process dies is sent again; consumers dedupe on `id`.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly wakeUp = new OutboxWakeUp();
  private readonly backoff = new OutboxBackoff();
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  /** Set for the one delivery after the loop stopped, which must not stop at the first batch. */
  private finalDelivery = false;
  /** Consecutive failed attempts, for logging an outage once rather than at every retry. */
  private failures = 0;

  constructor(
    private readonly lock: OutboxLock,
    private readonly transport: EventTransport,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    // Started here, outside any request or command, so no transaction context leaks into it.
    this.loop = this.run();
  }

  /**
   * Stops the loop, then delivers once more what was committed while it wound down (the last
   * requests of a graceful shutdown), if the transport takes it; whatever fails stays stored
   * for the next start or another instance.
   */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    this.wakeUp.notify();
    await this.loop;
    this.finalDelivery = true;
    await this.deliverPending();
  }

  /** Something was committed: publish it now rather than at the next poll. Cheap; coalesces. */
  publishPending(): void {
    this.wakeUp.notify();
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      if (await this.deliverPending()) {
        this.recovered();
        await this.wakeUp.wait(POLL_INTERVAL_MS);
      } else {
        // Nudges do not cut this short: under steady writes they would defeat the backoff.
        await delay(this.backoff.nextDelay(), undefined, { signal: this.stopping.signal }).catch(
          () => undefined,
        );
      }
    }
  }

  /**
   * Delivers batch after batch until nothing is pending. Never throws: false means delivery
   * failed and is to be retried after a pause.
   */
  private async deliverPending(): Promise<boolean> {
    let drain: OutboxDrain | undefined;
    try {
      drain = await this.lock.beginDrain();
      if (!drain) return true; // another instance is draining, our rows included
      while (!this.stopping.signal.aborted || this.finalDelivery) {
        const batch = await drain.pending(BATCH_SIZE);
        if (batch.length === 0) return true;
        const delivery = await this.transport.publish(batch.map(toCloudEvent));
        await drain.markPublished(batch.slice(0, delivery.confirmed), this.clock.now());
        if (delivery.confirmed < batch.length) return this.failed(delivery.failure);
        // A short batch was all that was pending when read; anything committed since has
        // nudged the relay, so asking again now would only cost an empty round trip.
        if (batch.length < BATCH_SIZE) return true;
      }
      return true;
    } catch (error) {
      return this.failed(error);
    } finally {
      await drain
        ?.end()
        .catch((error: unknown) =>
          this.logger.warn(`could not end the drain: ${errorMessage(error)}`),
        );
    }
  }

  /** Logs the first failure of a streak loudly and the rest quietly: an outage is one warning. */
  private failed(error: unknown): false {
    const message = `event delivery via ${this.transport.name} failed, retrying: ${errorMessage(error)}`;
    if (this.failures === 0) this.logger.warn(message);
    else this.logger.debug(message);
    this.failures += 1;
    return false;
  }

  private recovered(): void {
    if (this.failures > 0) {
      this.logger.log(`event delivery via ${this.transport.name} resumed`);
      this.failures = 0;
    }
    this.backoff.reset();
  }
}
