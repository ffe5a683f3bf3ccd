import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf, MYSQL_TABLE_OPTIONS, runEach } from './support/dialect';

/**
 * The change feed's order (docs/adr/0016-feed-webhooks.md): `outbox.feed_position` is given to a row only
 * once it is committed, by whoever holds `feed_head`'s single row, so positions grow in the
 * order events became visible. Rows stored before this migration were all committed: their
 * `sequence` is a valid visibility order for them, and the head starts after it.
 */
export class AddFeedPosition1764100000090 implements MigrationInterface {
  name = 'AddFeedPosition1764100000090';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = dialectOf(queryRunner) === 'mysql';
    await runEach(queryRunner, [
      mysql
        ? 'ALTER TABLE outbox ADD COLUMN feed_position BIGINT NULL, ADD UNIQUE KEY uq_outbox_feed_position (feed_position)'
        : 'ALTER TABLE outbox ADD COLUMN feed_position INTEGER NULL',
      ...(mysql ? [] : ['CREATE UNIQUE INDEX uq_outbox_feed_position ON outbox (feed_position)']),
      mysql
        ? `CREATE TABLE feed_head (id TINYINT NOT NULL PRIMARY KEY, position BIGINT NOT NULL) ${MYSQL_TABLE_OPTIONS}`
        : 'CREATE TABLE feed_head (id INTEGER NOT NULL PRIMARY KEY, position INTEGER NOT NULL)',
      'UPDATE outbox SET feed_position = sequence',
      'INSERT INTO feed_head (id, position) SELECT 1, COALESCE(MAX(sequence), 0) FROM outbox',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const mysql = dialectOf(queryRunner) === 'mysql';
    await runEach(queryRunner, [
      'DROP TABLE feed_head',
      ...(mysql
        ? ['ALTER TABLE outbox DROP INDEX uq_outbox_feed_position, DROP COLUMN feed_position']
        : ['DROP INDEX uq_outbox_feed_position', 'ALTER TABLE outbox DROP COLUMN feed_position']),
    ]);
  }
}
