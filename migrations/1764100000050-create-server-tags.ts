import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf, MYSQL_TABLE_OPTIONS, runEach } from './support/dialect';

/**
 * A server's tags, one row each. The primary key (server_id, tag) reads a page's tags; the
 * index (tag, server_id) answers `tag=web` filters without scanning every server. Tags are
 * compared case-insensitively like every other filtered string (they are stored lower case).
 */
export class CreateServerTags1764100000050 implements MigrationInterface {
  name = 'CreateServerTags1764100000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) === 'mysql') {
      await runEach(queryRunner, [
        `CREATE TABLE server_tags (
          server_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          tag VARCHAR(64) NOT NULL,
          PRIMARY KEY (server_id, tag),
          KEY ix_server_tags_tag (tag, server_id),
          CONSTRAINT fk_server_tags_server FOREIGN KEY (server_id) REFERENCES servers (id)
        ) ${MYSQL_TABLE_OPTIONS}`,
      ]);
      return;
    }
    await runEach(queryRunner, [
      `CREATE TABLE server_tags (
        server_id CHAR(36) NOT NULL REFERENCES servers (id),
        tag VARCHAR(64) NOT NULL COLLATE NOCASE,
        PRIMARY KEY (server_id, tag)
      )`,
      'CREATE INDEX ix_server_tags_tag ON server_tags (tag, server_id)',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runEach(queryRunner, ['DROP TABLE server_tags']);
  }
}
