import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf, MYSQL_TABLE_OPTIONS, runEach } from './support/dialect';

/** The outbox and event history in one table (see OutboxRecord). */
export class CreateEventStore1764100000000 implements MigrationInterface {
  name = 'CreateEventStore1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) === 'mysql') {
      await runEach(queryRunner, [
        `CREATE TABLE domain_events (
          sequence BIGINT NOT NULL AUTO_INCREMENT,
          id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          type VARCHAR(100) NOT NULL,
          aggregate_type VARCHAR(32) NOT NULL,
          aggregate_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          aggregate_revision INT NOT NULL,
          occurred_at DATETIME(3) NOT NULL,
          correlation_id VARCHAR(128) NOT NULL,
          actor VARCHAR(255) NOT NULL,
          data MEDIUMTEXT NOT NULL,
          published_at DATETIME(3) NULL,
          PRIMARY KEY (sequence),
          UNIQUE KEY uq_domain_events_id (id),
          UNIQUE KEY uq_domain_events_aggregate_revision (aggregate_id, aggregate_revision),
          KEY ix_domain_events_pending (published_at, sequence)
        ) ${MYSQL_TABLE_OPTIONS}`,
      ]);
      return;
    }
    await runEach(queryRunner, [
      `CREATE TABLE domain_events (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        id CHAR(36) NOT NULL,
        type VARCHAR(100) NOT NULL,
        aggregate_type VARCHAR(32) NOT NULL,
        aggregate_id CHAR(36) NOT NULL,
        aggregate_revision INTEGER NOT NULL,
        occurred_at DATETIME NOT NULL,
        correlation_id VARCHAR(128) NOT NULL,
        actor VARCHAR(255) NOT NULL,
        data TEXT NOT NULL,
        published_at DATETIME NULL
      )`,
      'CREATE UNIQUE INDEX uq_domain_events_id ON domain_events (id)',
      'CREATE UNIQUE INDEX uq_domain_events_aggregate_revision ON domain_events (aggregate_id, aggregate_revision)',
      'CREATE INDEX ix_domain_events_pending ON domain_events (published_at, sequence)',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE domain_events');
  }
}
