import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent } from '@servertree/ddd';
import { Mutex } from '../support/mutex';
import { Transaction } from './transaction';

export type CommittedListener = (events: DomainEvent[]) => void;

/**
 * Gives every command exactly one transaction. The command bus wraps each `execute` in `run`;
 * repositories ask `manager()` for the transaction's entity manager instead of holding one,
 * so handlers stay unaware of transactions and work the same from HTTP, a CLI or a consumer.
 *
 * A command sent while another is running (a handler delegating to another) joins the
 * running transaction rather than opening a second one.
 */
@Injectable()
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<Transaction>();
  private readonly listeners: CommittedListener[] = [];
  private readonly exclusive: Mutex | undefined;

  constructor(private readonly dataSource: DataSource) {
    this.exclusive = dataSource.options.type === 'better-sqlite3' ? new Mutex() : undefined;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
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

  /** Inside a command: its transaction. Outside (queries): the shared, auto-commit manager. */
  async manager(): Promise<EntityManager> {
    const transaction = this.current.getStore();
    return transaction ? transaction.manager() : this.dataSource.manager;
  }

  /** Called by the event store for events written in the running transaction. */
  enlist(events: DomainEvent[]): void {
    const transaction = this.current.getStore();
    if (!transaction) throw new Error('domain events can only be stored inside a command');
    transaction.storedEvents.push(...events);
  }

  onCommitted(listener: CommittedListener): void {
    this.listeners.push(listener);
  }

  private announce(events: DomainEvent[]): void {
    for (const listener of this.listeners) listener(events);
  }
}
