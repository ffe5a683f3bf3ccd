import { MigrationInterface, QueryRunner } from 'typeorm';
import { runWithColumnTypes } from './support/column-types';

/** The applications catalogue. (name, version, architecture) is unique among live rows. */
export class CreateApplications1764100000001 implements MigrationInterface {
  name = 'CreateApplications1764100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runWithColumnTypes(queryRunner, (t) => [
      `CREATE TABLE applications (
        id ${t.id} NOT NULL PRIMARY KEY,
        name VARCHAR(255) NOT NULL${t.caseInsensitive},
        version VARCHAR(64) NOT NULL${t.caseInsensitive},
        architecture VARCHAR(32) NOT NULL${t.caseInsensitive},
        revision ${t.integer} NOT NULL,
        created_at ${t.time} NOT NULL,
        updated_at ${t.time} NOT NULL,
        discarded ${t.flag} NOT NULL DEFAULT 0,
        live ${t.liveFlag}
      )${t.tableOptions}`,
      'CREATE UNIQUE INDEX uq_applications_identity ON applications (name, version, architecture, live)',
      'CREATE INDEX ix_applications_created ON applications (created_at, id)',
      'CREATE INDEX ix_applications_updated ON applications (updated_at)',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE applications');
  }
}
