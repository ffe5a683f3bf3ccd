import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from './support/dialect';

/**
 * The W3C trace context of the write that recorded each event (SPEC §7), published with it so
 * a consumer's work joins that trace. Nullable: events stored before tracing have none.
 */
export class AddOutboxTraceparent1764100000070 implements MigrationInterface {
  name = 'AddOutboxTraceparent1764100000070';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      dialectOf(queryRunner) === 'mysql'
        ? 'ALTER TABLE outbox ADD COLUMN traceparent VARCHAR(55) CHARACTER SET ascii COLLATE ascii_bin NULL'
        : 'ALTER TABLE outbox ADD COLUMN traceparent VARCHAR(55) NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox DROP COLUMN traceparent');
  }
}
