import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Dialect } from './dialect';

/**
 * Brings the schema up to date at start, under the dialect's migration lock, so that
 * instances starting together do not race each other through the same DDL.
 */
export async function runMigrations(
  dataSource: DataSource,
  dialect: Dialect,
  logger = new Logger('Migrations'),
): Promise<void> {
  await dialect.underMigrationLock(dataSource, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.log(`applied ${migration.name}`);
  });
}
