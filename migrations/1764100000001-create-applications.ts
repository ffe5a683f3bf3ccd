import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf, MYSQL_TABLE_OPTIONS, runEach } from './support/dialect';

/** The applications catalogue. (name, version, architecture) is unique among live rows. */
export class CreateApplications1764100000001 implements MigrationInterface {
  name = 'CreateApplications1764100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) === 'mysql') {
      await runEach(queryRunner, [
        `CREATE TABLE applications (
          id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          name VARCHAR(255) NOT NULL,
          version VARCHAR(64) NOT NULL,
          architecture VARCHAR(32) NOT NULL,
          revision INT NOT NULL,
          created_at DATETIME(3) NOT NULL,
          updated_at DATETIME(3) NOT NULL,
          discarded TINYINT(1) NOT NULL DEFAULT 0,
          live TINYINT(1) GENERATED ALWAYS AS (CASE WHEN discarded = 0 THEN 1 END) STORED,
          PRIMARY KEY (id),
          UNIQUE KEY uq_applications_identity (name, version, architecture, live),
          KEY ix_applications_created (created_at, id),
          KEY ix_applications_updated (updated_at)
        ) ${MYSQL_TABLE_OPTIONS}`,
      ]);
      return;
    }
    await runEach(queryRunner, [
      `CREATE TABLE applications (
        id CHAR(36) NOT NULL PRIMARY KEY,
        name VARCHAR(255) NOT NULL COLLATE NOCASE,
        version VARCHAR(64) NOT NULL COLLATE NOCASE,
        architecture VARCHAR(32) NOT NULL COLLATE NOCASE,
        revision INTEGER NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        discarded BOOLEAN NOT NULL DEFAULT 0,
        live INTEGER GENERATED ALWAYS AS (CASE WHEN discarded = 0 THEN 1 END) VIRTUAL
      )`,
      'CREATE UNIQUE INDEX uq_applications_identity ON applications (name, version, architecture, live)',
      'CREATE INDEX ix_applications_created ON applications (created_at, id)',
      'CREATE INDEX ix_applications_updated ON applications (updated_at)',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE applications');
  }
}
