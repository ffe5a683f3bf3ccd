import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/support/mariadb';
import { isTransientConflict, isUniqueViolation } from './database-errors';
import { SqlTemplate } from './sql-template';

/**
 * Pins the TypeORM behaviour two small adapters rely on, on both real drivers: the driver's
 * error code reachable through QueryFailedError's public `driverError` (database-errors.ts),
 * and `Driver.escapeQueryWithParameters` binding fresh values, lists of any length included,
 * into SQL text rendered once (SqlTemplate). An upgrade that changes either fails here.
 */
describe.each(['mysql', 'sqlite'] as const)(
  'TypeORM as the persistence adapters use it, on %s',
  (kind) => {
    let database: TestDatabase | undefined;
    let dataSource: DataSource;

    beforeAll(async () => {
      database = kind === 'mysql' ? await createTestDatabase('typeorm') : undefined;
      dataSource = await new DataSource(
        database
          ? { type: 'mysql', url: database.url, timezone: 'Z' }
          : { type: 'better-sqlite3', database: ':memory:' },
      ).initialize();
      await dataSource.query(
        'CREATE TABLE things (id VARCHAR(36) NOT NULL PRIMARY KEY, n INT NOT NULL)',
      );
      await dataSource.query("INSERT INTO things VALUES ('a', 1), ('b', 2), ('c', 3)");
    });

    afterAll(async () => {
      await dataSource?.destroy();
      await database?.drop();
    });

    it('exposes the driver error of a failed statement by its code', async () => {
      const error = await dataSource
        .query("INSERT INTO things VALUES ('a', 9)")
        .catch((e: unknown) => e);
      expect(isUniqueViolation(error)).toBe(true);
      expect(isTransientConflict(error)).toBe(false);
    });

    it('binds new parameters, lists of any length, into SQL rendered once', async () => {
      const template = new SqlTemplate();
      const query = (ids: string[]) =>
        dataSource
          .createQueryBuilder()
          .select('t.n', 'n')
          .from('things', 't')
          .where('t.id IN (:...ids)', { ids })
          .orderBy('t.n');
      const first = await template.rawMany<{ n: number }>(query(['a']));
      const second = await template.rawMany<{ n: number }>(query(['b', 'c']));
      expect(first.map((row) => Number(row.n))).toEqual([1]);
      expect(second.map((row) => Number(row.n))).toEqual([2, 3]);
    });
  },
);
