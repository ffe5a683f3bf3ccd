import { MigrationInterface, QueryRunner } from 'typeorm';
import { runWithColumnTypes } from './support/column-types';

/** The outbox and event history in one table (see OutboxRecord). */
export class CreateEventStore1764100000000 implements MigrationInterface {
  name = 'CreateEventStore1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runWithColumnTypes(queryRunner, (t) => [
      `CREATE TABLE domain_events (
        sequence ${t.sequenceKey},
        id ${t.id} NOT NULL,
        type VARCHAR(100) NOT NULL,
        aggregate_type VARCHAR(32) NOT NULL,
        aggregate_id ${t.id} NOT NULL,
        aggregate_revision ${t.integer} NOT NULL,
        occurred_at ${t.time} NOT NULL,
        correlation_id VARCHAR(128) NOT NULL,
        actor VARCHAR(255) NOT NULL,
        data ${t.document} NOT NULL,
        published_at ${t.time} NULL
      )${t.tableOptions}`,
      'CREATE UNIQUE INDEX uq_domain_events_id ON domain_events (id)',
      'CREATE UNIQUE INDEX uq_domain_events_aggregate_revision ON domain_events (aggregate_id, aggregate_revision)',
      'CREATE INDEX ix_domain_events_pending ON domain_events (published_at, sequence)',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE domain_events');
  }
}
