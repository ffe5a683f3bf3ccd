import { MigrationInterface, QueryRunner } from 'typeorm';
import { runWithColumnTypes } from './support/column-types';

/** Remembered POSTs for Idempotency-Key replays (see IdempotencyStore). */
export class CreateIdempotencyKeys1764100000010 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764100000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runWithColumnTypes(queryRunner, (t) => [
      `CREATE TABLE idempotency_keys (
        scope VARCHAR(191)${t.caseSensitive} NOT NULL,
        idempotency_key VARCHAR(255)${t.ascii} NOT NULL,
        fingerprint CHAR(64)${t.asciiCaseInsensitive} NOT NULL,
        response ${t.document} NULL,
        created_at ${t.time} NOT NULL,
        PRIMARY KEY (scope, idempotency_key)
      )${t.tableOptions}`,
      'CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at)',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}
