/**
 * The DataSource the TypeORM CLI works with (npm run migration:run | migration:revert |
 * migration:generate): the same configuration as the service, read from the same environment
 * (DATABASE_URL, or the embedded SQLite file without it).
 */
import 'reflect-metadata';
import { AppConfig, Dialect } from '@servertree/platform';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from '../migrations';

const ROOT = join(__dirname, '..');

export default new DataSource(
  Dialect.of(AppConfig.fromEnvironment().database).dataSourceOptions({
    migrations,
    // Every persistence record, so migration:generate can diff the schema against them.
    entities: [join(ROOT, 'libs/**/infrastructure/**/*.record.ts')],
  }),
);
