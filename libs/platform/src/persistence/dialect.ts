import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';

/** Driver error codes by what they mean to the service (see database-errors.ts). */
export interface DatabaseErrorCodes {
  readonly uniqueViolation: readonly string[];
  /** The database cannot be reached or is shutting down: a 503. */
  readonly unavailable: readonly string[];
  /** The transaction lost to a concurrent one and may simply run again (deadlock, lock wait). */
  readonly transientConflict: readonly string[];
}

/**
 * Everything in which MySQL/MariaDB and the embedded SQLite differ, in one object chosen once
 * from the configuration and injected where it matters, instead of `if (type === 'mysql')`
 * checks spread over the code. Migrations keep their own small helper (migrations/support):
 * they record history and must not change when this class does.
 */
export abstract class Dialect {
  static of(database: DatabaseConfig): Dialect {
    return database.kind === 'mysql'
      ? new MySqlDialect(database.url, database.poolSize)
      : new SqliteDialect(database.path);
  }

  /** TypeORM options, shared by the service and the migration CLI. `synchronize` stays off. */
  abstract dataSourceOptions(
    extra: Pick<DataSourceOptions, 'entities' | 'migrations'>,
  ): DataSourceOptions;

  /** One connection for the whole process: transactions must take turns in it. */
  abstract readonly transactionsTakeTurns: boolean;

  /**
   * Appended to a SELECT in a transaction: the rows read stay as read until commit (a
   * concurrent UPDATE of them waits). Empty where transactions already take turns.
   */
  abstract readonly shareLock: string;

  /**
   * `query` made to lock the rows it reads for writing until commit: a concurrent write of
   * them waits for this transaction instead of losing its revision check. Unchanged where
   * transactions already take turns (SQLite has no row locks).
   */
  abstract lockedForUpdate<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
  ): SelectQueryBuilder<T>;

  /** Runs `work` while no other instance migrates the same database. */
  abstract underMigrationLock(dataSource: DataSource, work: () => Promise<void>): Promise<void>;

  /** The JSON aggregate and object constructor functions: the only part of JSON SQL that differs. */
  protected abstract readonly json: { readonly arrayAgg: string; readonly object: string };

  /**
   * A scalar subquery answering `element` for every row of `from` (a table, its alias and the
   * WHERE that correlates it to the outer row) as one JSON array: a row and its children in one
   * statement. Read it with jsonArrayFrom. The array is in no particular order - MySQL 8 has no
   * ORDER BY inside JSON_ARRAYAGG - so the reader sorts what it shows (sortedBy).
   */
  jsonArrayOf(element: string, from: string): string {
    return `(SELECT ${this.json.arrayAgg}(${element}) FROM ${from})`;
  }

  /** A JSON object of `fields` (key → SQL expression), for jsonArrayOf's element. */
  jsonObjectOf(fields: Readonly<Record<string, string>>): string {
    const pairs = Object.entries(fields).map(([key, expression]) => `'${key}', ${expression}`);
    return `${this.json.object}(${pairs.join(', ')})`;
  }
}

export const MYSQL_ERROR_CODES: DatabaseErrorCodes = {
  uniqueViolation: ['ER_DUP_ENTRY'],
  unavailable: [
    'PROTOCOL_CONNECTION_LOST',
    'PROTOCOL_SEQUENCE_TIMEOUT',
    'ER_CON_COUNT_ERROR',
    'ER_SERVER_SHUTDOWN',
    // Galera: "WSREP has not yet prepared node for application use" (node not in the primary component).
    'ER_UNKNOWN_COM_ERROR',
  ],
  // ER_LOCK_DEADLOCK is also how Galera reports a lost certification conflict.
  transientConflict: ['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT'],
};

export class MySqlDialect extends Dialect {
  readonly transactionsTakeTurns = false;
  /**
   * Not TypeORM's `pessimistic_read`: it emits `FOR SHARE` for server version 8 and above, which
   * MariaDB (10.x, 11.x) rejects; `LOCK IN SHARE MODE` means the same on both.
   */
  readonly shareLock = ' LOCK IN SHARE MODE';
  protected readonly json = { arrayAgg: 'JSON_ARRAYAGG', object: 'JSON_OBJECT' };

  constructor(
    private readonly url: string,
    private readonly poolSize: number,
  ) {
    super();
  }

  lockedForUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return query.setLock('pessimistic_write');
  }

  dataSourceOptions(extra: Pick<DataSourceOptions, 'entities' | 'migrations'>): DataSourceOptions {
    return {
      type: 'mysql',
      url: this.url,
      // Timestamps are stored and compared in UTC whatever the server's time zone.
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      synchronize: false,
      poolSize: this.poolSize,
      // Fail fast when the database is away, so requests get a 503 instead of hanging.
      connectTimeout: 3000,
      extra: { enableKeepAlive: true },
      ...extra,
    };
  }

  /**
   * A named lock, so that instances starting at once against one server do not race through
   * the same DDL. GET_LOCK is node-local on Galera and Group Replication: on a cluster,
   * migrations run as one deploy step (`MIGRATIONS_RUN=false` on the instances; README).
   */
  async underMigrationLock(dataSource: DataSource, work: () => Promise<void>): Promise<void> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ acquired }] = await runner.query('SELECT GET_LOCK(?, 60) AS acquired', [
        MIGRATION_LOCK,
      ]);
      if (Number(acquired) !== 1) throw new Error('timed out waiting for the migration lock');
      try {
        await work();
      } finally {
        await runner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }
}

const MIGRATION_LOCK = 'servertree.migrations';

export const SQLITE_ERROR_CODES: DatabaseErrorCodes = {
  uniqueViolation: ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'],
  // Still locked after busy_timeout: another process holds the file.
  unavailable: ['SQLITE_BUSY'],
  transientConflict: [],
};

export class SqliteDialect extends Dialect {
  readonly transactionsTakeTurns = true;
  readonly shareLock = '';
  /** ORDER BY inside an aggregate needs SQLite 3.44+ (better-sqlite3 bundles a newer one). */
  protected readonly json = { arrayAgg: 'json_group_array', object: 'json_object' };

  constructor(private readonly path: string) {
    super();
  }

  lockedForUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return query;
  }

  dataSourceOptions(extra: Pick<DataSourceOptions, 'entities' | 'migrations'>): DataSourceOptions {
    mkdirSync(dirname(this.path), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: this.path,
      synchronize: false,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
      ...extra,
    };
  }

  /** The embedded database belongs to one process: nobody else can migrate it meanwhile. */
  async underMigrationLock(_dataSource: DataSource, work: () => Promise<void>): Promise<void> {
    await work();
  }
}
