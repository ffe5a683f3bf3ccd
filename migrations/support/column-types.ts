import { QueryRunner } from 'typeorm';
import { dialectOf, MYSQL_TABLE_OPTIONS, runEach } from './dialect';

/**
 * How each dialect spells the column types the tables share, so that a table's columns are
 * written once and each database still gets its own SQL. The modifiers (`ascii…`,
 * `caseInsensitive`, `caseSensitive`, `tableOptions`) start with their space, and are empty
 * where SQLite needs nothing. Migrations are history: a spelling here never changes once a
 * migration uses it; a new need gets a new name.
 */
export interface ColumnTypes {
  /** A UUID: ASCII, compared byte by byte on MariaDB. */
  readonly id: string;
  readonly integer: string;
  /** A UTC instant with milliseconds (SQLite: TypeORM's text form). */
  readonly time: string;
  readonly flag: string;
  /** A JSON document, up to 16 MiB on MariaDB. */
  readonly document: string;
  /** A 64-bit key the database numbers itself, the table's primary key. */
  readonly sequenceKey: string;
  /** `live`: 1 while `discarded` is 0, NULL after (see dialect.ts), for "unique among live". */
  readonly liveFlag: string;
  /** After a text type: ASCII only, compared byte by byte (tokens, keys, ciphertexts). */
  readonly ascii: string;
  /** After a text type: ASCII only, compared case-insensitively (hex digests). */
  readonly asciiCaseInsensitive: string;
  /** After NOT NULL: compared case-insensitively (MariaDB's table collation already is). */
  readonly caseInsensitive: string;
  /** After a text type: compared as given, `Admin` is not `admin` (SQLite's default). */
  readonly caseSensitive: string;
  /** After the closing parenthesis of CREATE TABLE. */
  readonly tableOptions: string;
}

const MYSQL: ColumnTypes = {
  id: 'CHAR(36) CHARACTER SET ascii COLLATE ascii_bin',
  integer: 'INT',
  time: 'DATETIME(3)',
  flag: 'TINYINT(1)',
  document: 'MEDIUMTEXT',
  sequenceKey: 'BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY',
  liveFlag: 'TINYINT(1) GENERATED ALWAYS AS (CASE WHEN discarded = 0 THEN 1 END) STORED',
  ascii: ' CHARACTER SET ascii COLLATE ascii_bin',
  asciiCaseInsensitive: ' CHARACTER SET ascii',
  caseInsensitive: '',
  caseSensitive: ' COLLATE utf8mb4_bin',
  tableOptions: ` ${MYSQL_TABLE_OPTIONS}`,
};

const SQLITE: ColumnTypes = {
  id: 'CHAR(36)',
  integer: 'INTEGER',
  time: 'DATETIME',
  flag: 'BOOLEAN',
  document: 'TEXT',
  sequenceKey: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  liveFlag: 'INTEGER GENERATED ALWAYS AS (CASE WHEN discarded = 0 THEN 1 END) VIRTUAL',
  ascii: '',
  asciiCaseInsensitive: '',
  caseInsensitive: ' COLLATE NOCASE',
  caseSensitive: '',
  tableOptions: '',
};

/** Runs, in order, the statements `write` spells with this database's column types. */
export async function runWithColumnTypes(
  queryRunner: QueryRunner,
  write: (types: ColumnTypes) => readonly string[],
): Promise<void> {
  await runEach(queryRunner, write(dialectOf(queryRunner) === 'mysql' ? MYSQL : SQLITE));
}
