import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { Clock } from '@servertree/ddd';
import { ExecutionContexts, Metrics } from '@servertree/platform';
import { errorMessage } from '../error-message';
import { Delivery, EventTransport } from '../event-transport';
import { Backoff } from '../backoff';
import { OutboxLease, OutboxLeaseLostError } from './outbox-lease';
import type { OutboxRecord } from './outbox.record';
import { OutboxWakeUp } from './outbox-wake-up';

/**
 * Events per round trip: large enough for throughput, small enough to keep memory flat. Two
 * batches are unconfirmed at most; their messages must fit amqplib's channel buffer (ADR 3).
 */
const BATCH_SIZE = 500;

/** How long the relay sleeps when nobody nudges it: the bound on picking up others' rows. */
const POLL_INTERVAL_MS = 500;

/** A batch handed to the transport, its confirms still to come. */
interface SentBatch {
  readonly records: readonly OutboxRecord[];
  readonly delivery: Promise<Delivery>;
}

/**
 * Moves stored events from the outbox to the transport, oldest first, and marks what the
 * transport confirmed. One loop per process, so drains never overlap; across processes only
 * the holder of the OutboxLease publishes, and only its marks are accepted.
 *
 * It runs when nudged (right after a commit, through the OutboxSaga), every
 * `POLL_INTERVAL_MS` (rows committed by other instances, rows left by a crash), and with
 * exponential backoff while delivery fails (broker away), so writes go on regardless and
 * everything pending leaves as soon as the broker is back. Delivery is at least once: an event
 * confirmed but not yet marked when the process dies is sent again; consumers dedupe on `id`.
 */
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly wakeUp = new OutboxWakeUp();
  private readonly backoff = new Backoff();
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  /** Set for the one delivery after the loop stopped, which must not stop at the first batch. */
  private finalDelivery = false;
  /** Consecutive failed attempts, for logging an outage once rather than at every retry. */
  private failures = 0;

  /**
   * @param logsEachEvent whether debug lines are written at all (LOG_LEVEL=debug): only then is
   *   each published event logged; opening its context just to write nothing took about a
   *   tenth of the relay's publishing time.
   */
  constructor(
    private readonly lease: OutboxLease,
    private readonly transport: EventTransport,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly logsEachEvent: boolean,
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
    // One last delivery of what is pending (the broker may be up), then the lease goes at once.
    this.finalDelivery = true;
    await this.deliverPending();
    await this.lease
      .release()
      .catch((error: unknown) =>
        this.logger.warn(`could not release the outbox lease: ${errorMessage(error)}`),
      );
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
   * Delivers batch after batch until nothing is pending, while this instance holds the lease.
   * Never throws: false means delivery failed and is to be retried after a pause.
   *
   * Pipelined, so that neither the broker nor the database waits for the other: each batch is
   * sent as soon as it is read, behind the one before it; while the broker works on it, the
   * batch before is awaited and marked and, at the same time, the next batch is read. Marks
   * follow one another: a failed publish stops the drain with only what precedes it marked, so
   * nothing after it - of its own batch or the next one - counts as published before it does.
   */
  private async deliverPending(): Promise<boolean> {
    try {
      // Another instance holds the lease: it publishes our rows too.
      if (!(await this.lease.hold())) return true;
      let batch = await this.lease.pending(BATCH_SIZE);
      let unsettled: SentBatch | undefined;
      while (batch.length > 0) {
        const sent = { records: batch, delivery: this.transport.publish(batch) };
        const [settled, next] = await Promise.all([
          unsettled === undefined || this.settle(unsettled),
          this.nextBatch(sent.records, unsettled?.records ?? []),
        ]);
        if (!settled) return false;
        unsettled = sent;
        batch = next;
      }
      return unsettled === undefined || (await this.settle(unsettled));
    } catch (error) {
      if (!(error instanceof OutboxLeaseLostError)) return this.failed(error);
      // Stalled past the lease while another instance took over: it sends these events again.
      this.logger.warn(errorMessage(error));
      return true;
    }
  }

  /**
   * The batch to send after `last`, read while the broker confirms it and `unsettled` (the
   * batch before it) is being marked; empty to stop.
   */
  private async nextBatch(
    last: readonly OutboxRecord[],
    unsettled: readonly OutboxRecord[],
  ): Promise<OutboxRecord[]> {
    // A short batch was all that was pending when read; anything committed since has nudged
    // the relay, so asking again now would only cost an empty round trip.
    if (last.length < BATCH_SIZE) return [];
    if (this.stopping.signal.aborted && !this.finalDelivery) return [];
    if (!(await this.lease.hold())) return [];
    return this.lease.pending(BATCH_SIZE, [...unsettled, ...last]);
  }

  /** Awaits a sent batch's confirms and marks exactly its confirmed prefix; false if not all. */
  private async settle({ records, delivery }: SentBatch): Promise<boolean> {
    const { confirmed, failure } = await delivery;
    const published = records.slice(0, confirmed);
    await this.lease.markPublished(published, this.clock.now());
    this.published(published);
    return confirmed === records.length || this.failed(failure);
  }

  /**
   * Counts what left, and logs each event (debug) in the context of the request that stored
   * it, so that request's lines can be followed up to the broker.
   */
  private published(records: readonly OutboxRecord[]): void {
    this.metrics.eventsPublished.inc(records.length);
    if (!this.logsEachEvent) return;
    for (const { correlationId, actor, traceparent, type, id } of records) {
      ExecutionContexts.run({ correlationId, actor, traceparent: traceparent ?? undefined }, () =>
        this.logger.debug(`published ${type} ${id} via ${this.transport.name}`),
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
