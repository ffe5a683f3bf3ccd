import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';

/**
 * TypeORM options for either database. Shared by the running service and the migration CLI,
 * so both talk to the database the same way. `synchronize` stays off: the schema is owned by
 * the migrations in /migrations.
 */
export function dataSourceOptions(
  database: DatabaseConfig,
  extra: Pick<DataSourceOptions, 'entities' | 'migrations'>,
): DataSourceOptions {
  if (database.kind === 'mysql') {
    return {
      type: 'mysql',
      url: database.url,
      // Timestamps are stored and compared in UTC whatever the server's time zone.
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      synchronize: false,
      poolSize: database.poolSize,
      // Fail fast when the database is away, so requests get a 503 instead of hanging.
      connectTimeout: 3000,
      extra: { enableKeepAlive: true },
      ...extra,
    };
  }
  mkdirSync(dirname(database.path), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: database.path,
    synchronize: false,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
    ...extra,
  };
}
