import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf, runEach } from './support/dialect';

/**
 * The table of stored events is the outbox (ADR 3): one concept, one name, from the table to
 * the classes that write, lock and relay it. Its rows and indexes are kept as they are.
 */
export class RenameDomainEventsToOutbox1764100000040 implements MigrationInterface {
  name = 'RenameDomainEventsToOutbox1764100000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.rename(queryRunner, 'domain_events', 'outbox');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.rename(queryRunner, 'outbox', 'domain_events');
  }

  private async rename(queryRunner: QueryRunner, from: string, to: string): Promise<void> {
    const indexes = [
      { suffix: 'id', unique: true, columns: 'id' },
      { suffix: 'aggregate_revision', unique: true, columns: 'aggregate_id, aggregate_revision' },
      { suffix: 'pending', unique: false, columns: 'published_at, sequence' },
    ];
    const name = (table: string, suffix: string, unique: boolean) =>
      `${unique ? 'uq' : 'ix'}_${table}_${suffix}`;
    if (dialectOf(queryRunner) === 'mysql') {
      await runEach(queryRunner, [
        `RENAME TABLE ${from} TO ${to}`,
        `ALTER TABLE ${to} ${indexes
          .map(
            ({ suffix, unique }) =>
              `RENAME INDEX ${name(from, suffix, unique)} TO ${name(to, suffix, unique)}`,
          )
          .join(', ')}`,
      ]);
      return;
    }
    // SQLite keeps index names on a renamed table and cannot rename an index: rebuild them.
    await runEach(queryRunner, [
      `ALTER TABLE ${from} RENAME TO ${to}`,
      ...indexes.flatMap(({ suffix, unique, columns }) => [
        `DROP INDEX ${name(from, suffix, unique)}`,
        `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${name(to, suffix, unique)} ON ${to} (${columns})`,
      ]),
    ]);
  }
}
