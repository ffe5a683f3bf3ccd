import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { DomainEvent } from '@servertree/ddd';
import { Mutex } from '../support/mutex';

/**
 * One database transaction, opened lazily: a command that never touches the database (or
 * fails validation first) costs no round trip. It also remembers the events stored in it, so
 * they can be announced once, and only once, the transaction has committed.
 */
export class Transaction {
  readonly storedEvents: DomainEvent[] = [];
  private runner: Promise<QueryRunner> | undefined;
  private unlock: (() => void) | undefined;

  /**
   * @param exclusive SQLite has one connection for the whole process, so its transactions
   *   must take turns; server databases hand each transaction its own connection.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly exclusive?: Mutex,
  ) {}

  async manager(): Promise<EntityManager> {
    this.runner ??= this.begin();
    return (await this.runner).manager;
  }

  async commit(): Promise<void> {
    if (this.runner) await (await this.runner).commitTransaction();
  }

  async rollback(): Promise<void> {
    if (!this.runner) return;
    const runner = await this.runner;
    if (runner.isTransactionActive) await runner.rollbackTransaction();
  }

  async release(): Promise<void> {
    try {
      if (this.runner) await (await this.runner).release();
    } finally {
      this.unlock?.();
    }
  }

  private async begin(): Promise<QueryRunner> {
    this.unlock = await this.exclusive?.acquire();
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      return runner;
    } catch (error) {
      await runner.release();
      throw error;
    }
  }
}
