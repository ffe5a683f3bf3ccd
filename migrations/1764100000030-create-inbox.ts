import { MigrationInterface, QueryRunner } from 'typeorm';
import { runWithColumnTypes } from './support/column-types';

/** Events each integration event consumer has processed (see Inbox). */
export class CreateInbox1764100000030 implements MigrationInterface {
  name = 'CreateInbox1764100000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runWithColumnTypes(queryRunner, (t) => [
      `CREATE TABLE inbox (
        consumer VARCHAR(100)${t.ascii} NOT NULL,
        event_id ${t.id} NOT NULL,
        processed_at ${t.time} NOT NULL,
        PRIMARY KEY (consumer, event_id)
      )${t.tableOptions}`,
      'CREATE INDEX ix_inbox_processed ON inbox (processed_at)',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox');
  }
}
