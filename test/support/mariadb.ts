import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/** A database of its own for one test file, so tests never touch data they did not create. */
export interface TestDatabase {
  readonly name: string;
  /** Connection URL of the database, for a DataSource or DATABASE_URL. */
  readonly url: string;
  drop(): Promise<void>;
}

const PREFIX = /^[a-z0-9_]{1,30}$/;

/** The MariaDB/MySQL server to create test databases on; TEST_MYSQL_URL points elsewhere. */
function serverUrl(): URL {
  const url = new URL(process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');
  url.pathname = '';
  return url;
}

async function onServer(statement: string): Promise<void> {
  const connection = await createConnection(serverUrl().toString());
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}

/**
 * Creates an empty database named `st_<prefix>_<time>_<random>` with the collation the service
 * expects (case-insensitive utf8mb4). The name is unique per call, so test files run in parallel.
 */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  if (!PREFIX.test(prefix)) throw new Error(`test database prefix must match ${PREFIX}`);
  const name = `st_${prefix}_${Date.now()}_${randomBytes(4).toString('hex')}`;
  // A name cannot be a bound parameter; this one is built from checked characters only.
  await onServer(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = serverUrl();
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(`DROP DATABASE IF EXISTS \`${name}\``),
  };
}
