import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf, MYSQL_TABLE_OPTIONS, runEach } from './support/dialect';

/**
 * The outbox lease (ADR 3): one row naming the instance whose relay publishes, until when, and
 * the fencing token that grows with every change of holder. Taken and renewed by ordinary
 * UPDATEs, so it holds on Galera and Group Replication, where GET_LOCK is node-local.
 */
export class CreateOutboxLease1764100000080 implements MigrationInterface {
  name = 'CreateOutboxLease1764100000080';

  async up(queryRunner: QueryRunner): Promise<void> {
    const free =
      "INSERT INTO outbox_lease (name, owner, token, expires_at) VALUES ('outbox_relay', NULL, 0, '1970-01-01 00:00:00.000')";
    if (dialectOf(queryRunner) === 'mysql') {
      await runEach(queryRunner, [
        `CREATE TABLE outbox_lease (
          name VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          owner VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL,
          token BIGINT NOT NULL,
          expires_at DATETIME(3) NOT NULL,
          PRIMARY KEY (name)
        ) ${MYSQL_TABLE_OPTIONS}`,
        free,
      ]);
      return;
    }
    await runEach(queryRunner, [
      `CREATE TABLE outbox_lease (
        name VARCHAR(64) NOT NULL PRIMARY KEY,
        owner VARCHAR(255) NULL,
        token BIGINT NOT NULL,
        expires_at DATETIME NOT NULL
      )`,
      free,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE outbox_lease');
  }
}
