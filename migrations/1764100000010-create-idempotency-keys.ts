import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf, MYSQL_TABLE_OPTIONS, runEach } from './support/dialect';

/** Remembered POSTs for Idempotency-Key replays (see IdempotencyStore). */
export class CreateIdempotencyKeys1764100000010 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764100000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) === 'mysql') {
      await runEach(queryRunner, [
        `CREATE TABLE idempotency_keys (
          scope VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
          idempotency_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          fingerprint CHAR(64) CHARACTER SET ascii NOT NULL,
          response MEDIUMTEXT NULL,
          created_at DATETIME(3) NOT NULL,
          PRIMARY KEY (scope, idempotency_key),
          KEY ix_idempotency_keys_created (created_at)
        ) ${MYSQL_TABLE_OPTIONS}`,
      ]);
      return;
    }
    await runEach(queryRunner, [
      `CREATE TABLE idempotency_keys (
        scope VARCHAR(191) NOT NULL,
        idempotency_key VARCHAR(255) NOT NULL,
        fingerprint CHAR(64) NOT NULL,
        response TEXT NULL,
        created_at DATETIME NOT NULL,
        PRIMARY KEY (scope, idempotency_key)
      )`,
      'CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at)',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}
