import { QueryRunner } from 'typeorm';

export type Dialect = 'mysql' | 'sqlite';

/**
 * Migrations are plain SQL, written once per dialect where the two differ, so a reader sees
 * exactly what each database gets. Conventions both follow:
 * - ids are CHAR(36) ASCII, timestamps DATETIME(3) in UTC (SQLite: TypeORM's text form);
 * - text that users search is compared case-insensitively (utf8mb4_unicode_ci / NOCASE);
 * - "unique among non-discarded rows" is a unique index that includes `live`, a generated
 *   column that is 1 for live rows and NULL for discarded ones: unique indexes let NULLs
 *   repeat on both databases, so discarded rows never collide, live ones always do.
 *
 * A table whose two spellings differ only in column types is written once with the types of
 * column-types.ts; one whose structure differs (foreign keys: a named constraint on MariaDB,
 * inline on SQLite) is written once per dialect. Either way a migration records history: the
 * SQL it emits never changes, which is why the shared spellings never do.
 */
export function dialectOf(queryRunner: QueryRunner): Dialect {
  return queryRunner.connection.options.type === 'mysql' ? 'mysql' : 'sqlite';
}

export async function runEach(
  queryRunner: QueryRunner,
  statements: readonly string[],
): Promise<void> {
  for (const statement of statements) await queryRunner.query(statement);
}

export const MYSQL_TABLE_OPTIONS =
  'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
