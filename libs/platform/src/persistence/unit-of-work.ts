import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { ConcurrentModificationError, DomainEvent } from '@servertree/ddd';
import { Metrics, TransactionRetryCause } from '../metrics/metrics';
import { Mutex } from '../support/mutex';
import { DatabaseBusyError, isTransientConflict } from './database-errors';
import { Dialect } from './dialect';
import { Transaction } from './transaction';

export type CommittedListener = (events: DomainEvent[]) => void;

/**
 * How often a unit of work that lost to a concurrent transaction is run again, and how long
 * it waits in between: a random pause up to a doubling ceiling ("full jitter"), so that the
 * transactions that collided do not collide again in step.
 */
export interface ConflictRetry {
  readonly attempts: number;
  readonly firstCeilingMs: number;
  readonly maximumCeilingMs: number;
}

/** Provide a ConflictRetry under this token to change the default. */
export const CONFLICT_RETRY = Symbol('ConflictRetry');

const DEFAULT_CONFLICT_RETRY: ConflictRetry = {
  attempts: 5,
  firstCeilingMs: 20,
  maximumCeilingMs: 500,
};

/**
 * Whether the work lost to a concurrent writer, so that running it again on fresh state may
 * succeed:
 * - the database rolled the transaction back: ER_LOCK_DEADLOCK (an InnoDB deadlock, or a
 *   Galera / Group Replication certification conflict) or a lock wait timeout;
 * - a revision check found the aggregate already changed (ConcurrentModificationError). Run
 *   again, the command reloads the aggregate and decides on what it reads now: one carrying
 *   If-Match sees the new revision and fails with 412 (SPEC §3), one without it is applied on
 *   top of the other writer's change, which therefore stays (no update is lost).
 */
function lostToConcurrentWriter(error: unknown): boolean {
  return isTransientConflict(error) || error instanceof ConcurrentModificationError;
}

function retryCauseOf(error: unknown): TransactionRetryCause {
  return isTransientConflict(error) ? 'lock_conflict' : 'revision_check';
}

/**
 * What the caller gets once every attempt lost. A lost revision check stays what it is, a 409:
 * the aggregate itself is changing under the client, which should reload it. A transaction the
 * database kept refusing becomes a DatabaseBusyError (503 with Retry-After): the same request
 * may simply succeed a little later.
 */
function afterLastAttempt(error: unknown, attempts: number): unknown {
  return isTransientConflict(error) ? new DatabaseBusyError(attempts, error) : error;
}

/**
 * Gives every command exactly one transaction. The command bus wraps each `execute` in `run`;
 * repositories ask `manager()` for the transaction's entity manager instead of holding one,
 * so handlers stay unaware of transactions and work the same from HTTP, a CLI or a consumer.
 *
 * A command sent while another is running (a handler delegating to another) joins the
 * running transaction rather than opening a second one.
 *
 * A transaction that loses to a concurrent one is rolled back and the whole work runs again
 * in a new transaction (see `lostToConcurrentWriter`): the handler loads the aggregate afresh
 * and records new events, and only the attempt that commits announces its events (they are
 * enlisted per transaction). After `attempts` losses it gives up (see `afterLastAttempt`).
 * Every rerun counts in `servertree_transaction_retries_total{cause}`.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);
  private readonly current = new AsyncLocalStorage<Transaction>();
  private readonly listeners: CommittedListener[] = [];
  private readonly exclusive: Mutex | undefined;

  constructor(
    private readonly dataSource: DataSource,
    dialect: Dialect,
    private readonly metrics: Metrics,
    @Optional()
    @Inject(CONFLICT_RETRY)
    private readonly retry: ConflictRetry = DEFAULT_CONFLICT_RETRY,
  ) {
    this.exclusive = dialect.transactionsTakeTurns ? new Mutex() : undefined;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.runOnce(work);
      } catch (error) {
        if (!lostToConcurrentWriter(error)) throw error;
        if (attempt >= this.retry.attempts) throw afterLastAttempt(error, attempt);
        this.metrics.transactionRetries.inc({ cause: retryCauseOf(error) });
        this.logger.debug(
          `transaction lost to a concurrent one (attempt ${attempt}), running it again`,
        );
        const ceiling = Math.min(
          this.retry.maximumCeilingMs,
          this.retry.firstCeilingMs * 2 ** (attempt - 1),
        );
        await delay(Math.random() * ceiling);
      }
    }
  }

  /** Inside a command: its transaction. Outside (queries): the shared, auto-commit manager. */
  async manager(): Promise<EntityManager> {
    const transaction = this.current.getStore();
    return transaction ? transaction.manager() : this.dataSource.manager;
  }

  /** Called by the outbox writer for events written in the running transaction. */
  enlist(events: DomainEvent[]): void {
    const transaction = this.current.getStore();
    if (!transaction) throw new Error('domain events can only be stored inside a command');
    transaction.storedEvents.push(...events);
  }

  onCommitted(listener: CommittedListener): void {
    this.listeners.push(listener);
  }

  private async runOnce<T>(work: () => Promise<T>): Promise<T> {
    const transaction = new Transaction(this.dataSource, this.exclusive);
    let result: T;
    try {
      result = await this.current.run(transaction, work);
      await transaction.commit();
    } catch (error) {
      await transaction.rollback();
      throw error;
    } finally {
      await transaction.release();
    }
    if (transaction.storedEvents.length > 0) this.announce(transaction.storedEvents);
    return result;
  }

  private announce(events: DomainEvent[]): void {
    for (const listener of this.listeners) listener(events);
  }
}
