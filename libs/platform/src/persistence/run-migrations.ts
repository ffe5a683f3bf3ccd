import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

const MIGRATION_LOCK = 'servertree.migrations';

/**
 * Brings the schema up to date at start. Several instances may start at once against the
 * same MySQL database; a named lock lets exactly one of them migrate while the others wait,
 * instead of racing each other through the same DDL. (SQLite is one process, no lock needed.)
 */
export async function runMigrations(
  dataSource: DataSource,
  logger = new Logger('Migrations'),
): Promise<void> {
  if (dataSource.options.type !== 'mysql') {
    await apply(dataSource, logger);
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ acquired }] = await runner.query('SELECT GET_LOCK(?, 60) AS acquired', [
      MIGRATION_LOCK,
    ]);
    if (Number(acquired) !== 1) throw new Error('timed out waiting for the migration lock');
    try {
      await apply(dataSource, logger);
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

async function apply(dataSource: DataSource, logger: Logger): Promise<void> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  for (const migration of applied) logger.log(`applied ${migration.name}`);
}
