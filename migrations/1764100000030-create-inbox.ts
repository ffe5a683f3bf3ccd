import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf, MYSQL_TABLE_OPTIONS, runEach } from './support/dialect';

/** Events each integration event consumer has processed (see Inbox). */
export class CreateInbox1764100000030 implements MigrationInterface {
  name = 'CreateInbox1764100000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) === 'mysql') {
      await runEach(queryRunner, [
        `CREATE TABLE inbox (
          consumer VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          event_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          processed_at DATETIME(3) NOT NULL,
          PRIMARY KEY (consumer, event_id),
          KEY ix_inbox_processed (processed_at)
        ) ${MYSQL_TABLE_OPTIONS}`,
      ]);
      return;
    }
    await runEach(queryRunner, [
      `CREATE TABLE inbox (
        consumer VARCHAR(100) NOT NULL,
        event_id CHAR(36) NOT NULL,
        processed_at DATETIME NOT NULL,
        PRIMARY KEY (consumer, event_id)
      )`,
      'CREATE INDEX ix_inbox_processed ON inbox (processed_at)',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox');
  }
}
