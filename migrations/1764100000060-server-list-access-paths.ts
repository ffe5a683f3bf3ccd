import { MigrationInterface, QueryRunner } from 'typeorm';
import { Dialect, dialectOf, runEach } from './support/dialect';

/**
 * Composite indexes for the ways people list servers (ADR 10): an environment, often with a
 * status, ordered by name, by registration or by memory (largest first). Each one serves its
 * filter, its ordering and the id tie-breaker from one index range read in order, and covers
 * the count, so neither the page nor the total sorts or fetches rows it does not answer.
 *
 * `ram_mb DESC` matches `ordering=-ramMb,name` exactly (the tie-breaker follows the last sort
 * direction, ADR 7), which an ascending index read backwards cannot. The two-column indexes on
 * environment and status become prefixes of the new ones and go.
 *
 * Plain SQL, the same on MySQL/MariaDB and SQLite.
 */
const ACCESS_PATHS = {
  environment_name: 'discarded, environment, name, id',
  environment_status_name: 'discarded, environment, status, name, id',
  environment_ram_mb: 'discarded, environment, ram_mb DESC, name, id',
  environment_created: 'discarded, environment, created_at, id',
  status_created: 'discarded, status, created_at, id',
};
const REPLACED = { environment: 'discarded, environment', status: 'discarded, status' };

const create = (indexes: Record<string, string>) =>
  Object.entries(indexes).map(
    ([name, columns]) => `CREATE INDEX ix_servers_${name} ON servers (${columns})`,
  );
const drop = (indexes: Record<string, string>, dialect: Dialect) =>
  Object.keys(indexes).map((name) =>
    dialect === 'mysql'
      ? `DROP INDEX ix_servers_${name} ON servers`
      : `DROP INDEX ix_servers_${name}`,
  );

export class ServerListAccessPaths1764100000060 implements MigrationInterface {
  name = 'ServerListAccessPaths1764100000060';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runEach(queryRunner, [
      ...create(ACCESS_PATHS),
      ...drop(REPLACED, dialectOf(queryRunner)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runEach(queryRunner, [
      ...create(REPLACED),
      ...drop(ACCESS_PATHS, dialectOf(queryRunner)),
    ]);
  }
}
